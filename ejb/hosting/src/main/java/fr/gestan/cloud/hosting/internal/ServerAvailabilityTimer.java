package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Every 10 minutes, on one node of the cluster (the lease's holder), computes again each server's availability
 * figures that are older than 10 minutes, invalid or missing, each server in its own transaction: the dashboards and
 * the certificates then read stored figures at most about 10 minutes old.
 */
@Singleton
@PermitAll
@Interceptors(ClusterOnce.class)
public class ServerAvailabilityTimer {

    static final String LEASE = "server-availability";
    private static final Logger LOG = Logger.getLogger(ServerAvailabilityTimer.class.getName());

    @EJB
    ServerAvailabilityStore store;

    @OncePerCluster(lease = LEASE, holdSeconds = 900)
    @Schedule(hour = "*", minute = "*/10", persistent = false, info = "server-availability")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyTenMinutes() {
        int n = store.refreshOlderThan(Duration.ofMinutes(9));
        if (n > 0) {
            LOG.fine(() -> "availability of " + n + " servers computed again");
        }
    }
}
