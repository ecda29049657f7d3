package fr.gestan.cloud.common.persistence;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Writes to the reference data that every tenant's compliance evaluation shares (data centres, operators,
 * sub-processors, the security policy, staff clearances, the servers' control evidence), made by the modules that own
 * it: the compliance module keeps that data per node ({@link NodeMemo} with {@link #GENERATION} as a source), and
 * cannot see those modules' entities. The security module's failing controls (back-office dashboard) are kept on
 * the same counter. Per node, like every {@link NodeMemo}.
 */
public final class ReferenceWrites {

    public static final WriteGeneration GENERATION = new WriteGeneration();

    private ReferenceWrites() {
    }

    /** On the owning modules' entities that the shared reference data is read from. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            GENERATION.changed();
        }
    }
}
