package fr.gestan.cloud.security.internal;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every 15 s on the node holding the sweep's lease: verification runs whose server stopped are marked interrupted (see the store). */
@Singleton
@Interceptors(ClusterOnce.class)
@DependsOn("SecuritySchema") // its timer must not run before the table exists
public class VerificationRunSweep {

    private static final Logger LOG = Logger.getLogger(VerificationRunSweep.class.getName());

    @EJB
    VerificationRunStore runs;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "journal-verification-sweep")
    // A lease: two nodes sweeping at once would both read the same silent run and journal its interruption twice.
    @OncePerCluster(lease = "journal-verification-sweep", holdSeconds = 60)
    void sweepInterrupted() {
        try {
            runs.sweep();
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Could not sweep interrupted journal verifications; the next run retries", e);
        }
    }
}
