package fr.gestan.cloud.common;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * A module's demo data: loaded at deployment, in a transaction of its own, when {@link DemoMode} is on and the
 * module's tables are still empty (a database already in use is left as it is). Each module's subclass is its
 * {@code @Startup @Singleton}, {@code @DependsOn} its schema migrator.
 */
public abstract class DemoDataLoader {

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        if (DemoMode.enabled() && empty()) {
            insert();
        }
    }

    /** Whether the module holds none of the data its demo adds. */
    protected abstract boolean empty();

    /** Persists the demo data (within {@link #load}'s transaction). */
    protected abstract void insert();
}
