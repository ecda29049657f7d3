package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.hosting.api.ServerRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitoringTokenTest {

    @AfterEach
    void demoOff() {
        System.clearProperty(DemoMode.PROPERTY);
    }

    private static HostingServer server(String token) {
        HostingServer server = new HostingServer("S", new DataCentre("DC3", "Vitry", "FR", "Scaleway SAS"), ServerRole.PRODUCTION, "std", 100);
        server.useMonitoringToken(token);
        return server;
    }

    @Test
    void the_published_demo_token_works_only_in_demo_mode() {
        HostingServer seeded = server(ContractsDemoData.DEMO_MONITORING_TOKEN);
        assertFalse(seeded.acceptsMonitoringToken(ContractsDemoData.DEMO_MONITORING_TOKEN), "not a demo instance");
        System.setProperty(DemoMode.PROPERTY, "true");
        assertTrue(seeded.acceptsMonitoringToken(ContractsDemoData.DEMO_MONITORING_TOKEN));
    }

    @Test
    void an_issued_token_works_whatever_the_mode() {
        assertTrue(server("a-real-issued-token").acceptsMonitoringToken("a-real-issued-token"));
        assertFalse(server("a-real-issued-token").acceptsMonitoringToken("another"));
    }
}
