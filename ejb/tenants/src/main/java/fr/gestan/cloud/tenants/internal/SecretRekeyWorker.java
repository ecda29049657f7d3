package fr.gestan.cloud.tenants.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import fr.gestan.cloud.common.lease.OnEveryNode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-encrypts the hosted-account secrets under the active key in the background, a page per transaction
 * ({@link SecretRekeyStore}); every 20 s, on every node, resumes a run whose server stopped beating.
 */
@Stateless
@PermitAll // internal: started by the rotation (admin only) and by its own timer
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecretRekeyWorker {

    private static final Logger LOG = Logger.getLogger(SecretRekeyWorker.class.getName());

    @EJB
    SecretRekeyStore store;

    @Asynchronous
    public void start(long runId) {
        run(runId);
    }

    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false, info = "secret-rekey-resume")
    @OnEveryNode(why = "a stopped run is resumed by the one node whose conditional claim succeeds (SecretRekeyStore.claim)")
    void resumeStopped() {
        try {
            for (long runId : store.stopped()) {
                if (store.claim(runId)) {
                    LOG.info("Resuming the re-encryption of hosted-account secrets, run " + runId + " (its server stopped)");
                    run(runId);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not resume the re-encryption runs; the next tick retries", e);
        }
    }

    private void run(long runId) {
        try {
            long after = 0;
            for (SecretRekeyStore.Page page = store.next(runId, after); page.size() > 0; page = store.next(runId, after)) {
                after = page.lastId();
            }
            store.end(runId);
        } catch (RuntimeException e) {
            // The run keeps its state RUNNING: its heartbeat stops and a node resumes it.
            LOG.log(Level.WARNING, "Re-encryption run " + runId + " stopped; it is resumed within a minute", e);
        }
    }
}
