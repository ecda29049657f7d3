package fr.gestan.cloud.common.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A counter of this JVM's writes to what a request-scoped memo was read from: a memo read at another generation is
 * void. {@link #changed()} bumps it at the write and again when the write's transaction ends, so that a memo read in
 * between (the writing transaction's own view, a rolled-back write) is not kept either. Per node: another node's
 * write is seen from the next request on, which is what a request-scoped memo promises.
 */
public final class WriteGeneration {

    private final AtomicLong value = new AtomicLong();

    public long get() {
        return value.get();
    }

    /** Something a memo reads changed, or may have (call it from an entity listener, or after a bulk statement). */
    public void changed() {
        value.incrementAndGet();
        try {
            TransactionSynchronizationRegistry registry = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
            // once per transaction: a seeding or a purge writes thousands of rows in one
            if (registry.getTransactionStatus() == Status.STATUS_ACTIVE && registry.getResource(this) == null) {
                registry.putResource(this, Boolean.TRUE);
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        value.incrementAndGet();
                    }
                });
            }
        } catch (NamingException | IllegalStateException e) {
            // no transaction here (a unit test): the bump above is all there is
        }
    }
}
