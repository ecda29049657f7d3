package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookAddressesTest {

    private final WebhookAddresses production = new WebhookAddresses(false);
    private final WebhookAddresses tests = new WebhookAddresses(true);

    @Test
    void onlyHttpsInProductionAndLoopbackHttpOnlyWhenAllowed() {
        assertNotNull(production.parse("https://hooks.example.org/gestan"));
        assertNull(production.parse("http://hooks.example.org/gestan"));
        assertNull(production.parse("http://127.0.0.1:8099/hook"));
        assertNull(production.parse("https://user:pw@hooks.example.org/"));
        assertNull(production.parse("ftp://hooks.example.org/"));
        assertNotNull(tests.parse("http://127.0.0.1:8099/hook"));
        assertNull(tests.parse("http://localhost:8099/hook"));
        assertNull(tests.parse("http://10.0.0.1/hook"));
    }

    @Test
    void loopbackFollowsDemoModeUnlessSetExplicitly() {
        assertFalse(WebhookAddresses.allowLoopback(null, false), "production: off by default");
        assertTrue(WebhookAddresses.allowLoopback(null, true), "demo mode: on by default");
        assertFalse(WebhookAddresses.allowLoopback("false", true), "the setting wins");
        assertTrue(WebhookAddresses.allowLoopback("true", false));
        assertFalse(WebhookAddresses.allowLoopback(" ", false));
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndMappedAddresses() throws Exception {
        URI uri = URI.create("https://hooks.example.org/");
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1"}) {
            assertFalse(production.mayConnect(uri, InetAddress.getByName(address)), address);
        }
        assertTrue(production.mayConnect(uri, InetAddress.getByName("51.15.0.1")));
        assertTrue(production.mayConnect(uri, InetAddress.getByName("2001:bc8::1")));
        // https to loopback stays refused even where tests allow http://127.0.0.1
        assertFalse(tests.mayConnect(uri, InetAddress.getByName("127.0.0.1")));
        assertTrue(tests.mayConnect(URI.create("http://127.0.0.1:8099/"), InetAddress.getByName("127.0.0.1")));
    }
}
