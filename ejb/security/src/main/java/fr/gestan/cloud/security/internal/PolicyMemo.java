package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.WriteGeneration;
import fr.gestan.cloud.security.api.PolicyVersionView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.function.Supplier;

/**
 * The policy in effect, read once per request ({@link SecurityPoliciesBean#current()}): every status computation, every
 * compliance evaluation and several tiles of one page asked for it, one statement each. Void as soon as a version is
 * written on this node ({@link Listener}: at the write and when its transaction ends); another node's change, or a
 * version planned for later that comes into effect, is seen from the next request on. See operations.md, "State kept in
 * one JVM's memory".
 */
@RequestScoped
public class PolicyMemo {

    static final WriteGeneration GENERATION = new WriteGeneration();

    private PolicyVersionView current;
    private long readAt = -1;

    public PolicyVersionView current(Supplier<PolicyVersionView> read) {
        long generation = GENERATION.get();
        if (current == null || readAt != generation) {
            current = read.get();
            readAt = generation;
        }
        return current;
    }

    /** On {@link PolicyVersion}. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object version) {
            GENERATION.changed();
        }
    }
}
