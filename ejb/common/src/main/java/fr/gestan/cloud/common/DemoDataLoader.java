package fr.gestan.cloud.common;

import jakarta.annotation.PostConstruct;

/**
 * A module's demo data: loaded at deployment, in a transaction of its own, when {@link DemoMode} is on and the
 * module's tables are still empty (a database already in use is left as it is). Each module's subclass is its
 * {@code @Startup @Singleton}, {@code @DependsOn} its schema migrator. The transaction is the container's default
 * for a singleton's {@code @PostConstruct} (REQUIRED, taken as REQUIRES_NEW): a transaction attribute
 * on this inherited callback is not applied by WildFly (see ModuleSchema), so none is written here.
 */
public abstract class DemoDataLoader {

    @PostConstruct
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
