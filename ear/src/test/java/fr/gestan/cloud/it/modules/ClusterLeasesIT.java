package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.NodeName;
import fr.gestan.cloud.common.lease.ClusterLeases;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.it.support.Deployments;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Work that must run once across nodes takes the shared lease (issue 20): in the server, two holders never hold one
 * lease together, and the timers marked {@code @OncePerCluster} really go through the lease table (their
 * {@code ClusterOnce} interceptor runs), holding their lease in this node's name.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterLeasesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(ClusterLeasesIT.class, "gestan-hosting.jar", "gestan-compliance.jar");
    }

    @EJB
    ClusterLeases leases;

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @Test
    void two_holders_never_hold_one_lease_together() {
        String lease = "it-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(leases.hold(lease, "node-a", 60_000), "a free lease is taken");
        assertFalse(leases.hold(lease, "node-b", 60_000), "node-a holds it: node-b may not run");
        assertTrue(leases.hold(lease, "node-a", 60_000), "the holder renews it");
        leases.release(lease, "node-a");
        assertTrue(leases.hold(lease, "node-b", 60_000), "released: node-b takes it at once");
        assertFalse(leases.hold(lease, "node-a", 60_000), "and node-a waits in turn");
    }

    @Test
    void the_timers_take_their_lease_in_this_nodes_name() throws Exception {
        assertEquals(NodeName.current(), ClusterOnce.HOLDER);
        // The certificate sweep fires every 15 s; the demo agent and the first compliance report 20 s after deployment.
        List<String> expected = List.of("certificate-batch-sweep", "demo-agent", "compliance-report");
        Map<String, String> holders = Map.of();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            holders = holders(expected);
            if (holders.size() == expected.size()) {
                break;
            }
            Thread.sleep(1_000);
        }
        for (String lease : expected) {
            assertEquals(ClusterOnce.HOLDER, holders.get(lease), "holder of the lease " + lease + " (all: " + holders + ")");
        }
    }

    /** The leases among {@code names} held now (not expired), by holder. */
    private Map<String, String> holders(List<String> names) throws Exception {
        Map<String, String> held = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select name, holder from singleton_lease where expires_at_ms > ?")) {
            query.setLong(1, System.currentTimeMillis());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (names.contains(rs.getString(1))) {
                        held.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return held;
    }
}
