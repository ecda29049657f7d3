package fr.gestan.cloud.common.persistence;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Writes to the tenants (a company renamed, added, purged), made by the tenants module: what other modules keep per
 * node about the tenants ({@link NodeMemo} with {@link #GENERATION} as a source) and cannot see through that module's
 * entities, such as the company names of a recovery plan's clients (the back office's recovery page). Per node, like
 * every {@link NodeMemo}.
 */
public final class TenantWrites {

    public static final WriteGeneration GENERATION = new WriteGeneration();

    private TenantWrites() {
    }

    /** On the tenants module's tenant entity. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            GENERATION.changed();
        }
    }
}
