package fr.gestan.cloud.security.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningTransportTest {

    private static RunningTransport running(boolean httpsOnly, boolean listener) {
        return new RunningTransport(httpsOnly, listener, 8443, List.of("TLSv1.3"), "max-age=63072000; includeSubDomains");
    }

    @Test
    void a_policy_requiring_tls_refuses_a_start_where_plain_http_reaches_the_application() {
        assertNotNull(running(false, true).refusal(true), "no HTTPS-only handler");
        assertNotNull(running(true, false).refusal(true), "no HTTPS listener");
        assertNull(running(true, true).refusal(true));
        assertNull(running(false, false).refusal(false), "a policy that does not require TLS lets plain HTTP be served");
        RunningTransport listenersNotRead = new RunningTransport(true, null, null, List.of(), null);
        assertNull(listenersNotRead.refusal(true), "listeners not read: the HTTPS-only handler alone decides");
        org.junit.jupiter.api.Assertions.assertTrue(listenersNotRead.httpsOnlyRunning());
        org.junit.jupiter.api.Assertions.assertFalse(running(true, false).httpsOnlyRunning());
    }

    @Test
    void hsts_is_read_in_days_from_the_header_that_is_sent() {
        assertEquals(730, running(true, true).hstsDays());
        assertEquals(0, new RunningTransport(true, true, null, null, null).hstsDays());
        assertEquals(List.of(), new RunningTransport(true, true, null, null, null).protocols());
    }
}
