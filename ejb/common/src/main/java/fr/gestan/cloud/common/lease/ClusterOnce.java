package fr.gestan.cloud.common.lease;

import fr.gestan.cloud.common.NodeName;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a timer's body only on the node holding its lease: the EJB interceptor behind {@link OncePerCluster}
 * ({@code @Interceptors(ClusterOnce.class)} on the bean). Timer methods without {@link OncePerCluster} pass through.
 * When the lease table cannot be reached, the round is skipped (logged): the next one retries.
 */
public class ClusterOnce {

    private static final Logger LOG = Logger.getLogger(ClusterOnce.class.getName());

    /**
     * This node as a lease holder: its {@link NodeName}, stable across redeployments and restarts, so that a restarted
     * node carries on with the leases it held instead of waiting for them to expire.
     */
    public static final String HOLDER = NodeName.current();

    @Inject
    ClusterLeases leases;

    @AroundTimeout
    public Object runHoldingLease(InvocationContext timeout) throws Exception {
        OncePerCluster once = timeout.getMethod().getAnnotation(OncePerCluster.class);
        if (once == null) {
            return timeout.proceed();
        }
        return runHolding(leases, HOLDER, once, timeout::proceed);
    }

    /**
     * Runs {@code body} if {@code holder} takes or renews the lease {@code once.lease()}; returns its result, or null
     * when another holder has the lease (or the lease table is unreachable) and the body did not run.
     */
    public static Object runHolding(ClusterLeases leases, String holder, OncePerCluster once, Callable<?> body) throws Exception {
        boolean held;
        try {
            held = leases.hold(once.lease(), holder, once.holdSeconds() * 1000L);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Lease " + once.lease() + " unavailable; this round is skipped, the next one retries", e);
            return null;
        }
        if (!held) {
            LOG.fine(() -> "Lease " + once.lease() + " held by another node; not run here");
            return null;
        }
        return body.call();
    }
}
