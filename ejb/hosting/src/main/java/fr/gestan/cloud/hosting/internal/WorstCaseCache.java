package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.hosting.api.RecoveryPage;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The recovery plan's worst case ({@link RecoveryPlansBean#worstCase()}: every production server's plan, 10,000
 * contracts at scale), quoted by /trust at each view and by its PDF: computed at most once every
 * {@value #FRESH_MILLIS} ms on this node by the same code as the staff's plan, and void at once when this node writes
 * a contract, a server, a drill or the recovery settings ({@link Listener}). Another node's writes show within
 * {@value #FRESH_MILLIS} ms, as for the status board ({@link StatusBoardCache}, the same {@link NodeMemo}). Each
 * production server's plan ({@link #plan}: a client's dashboard tile at each view) is kept and voided the same way.
 */
final class WorstCaseCache {

    static final long FRESH_MILLIS = 5_000;

    private static final NodeMemo<Optional<RecoveryPlanView>> WORST = new NodeMemo<>(FRESH_MILLIS);
    // each production server's plan as first asked for (a client's dashboard tile at each view, the certificates):
    // read from the same rows, so void with the worst case
    private static final NodeMemo<Map<Long, RecoveryPlanView>> PLANS = new NodeMemo<>(FRESH_MILLIS);
    // the staff's recovery page of each server as first asked for (RecoveryPlansBean.page: the production servers, the
    // settings, the plan and the drills, read from the same rows): a staff view reads nothing within the window
    // (docs/performance.md, "hosting pages (pages11h)"); the first production server's page under the key NO_SERVER
    private static final NodeMemo<Map<Long, RecoveryPage>> PAGES = new NodeMemo<>(FRESH_MILLIS);
    private static final long NO_SERVER = -1;

    private WorstCaseCache() {
    }

    static Optional<RecoveryPlanView> get(Supplier<Optional<RecoveryPlanView>> compute) {
        return WORST.get(compute);
    }

    /** A production server's plan, kept as the worst case is; {@code compute} throws for another role (not kept). */
    static RecoveryPlanView plan(long serverId, Function<Long, RecoveryPlanView> compute) {
        return PLANS.get(ConcurrentHashMap::new).computeIfAbsent(serverId, compute);
    }

    /**
     * The staff's recovery page of {@code serverId} (null: the first production server), kept as the plans are;
     * {@code compute} throws for an unknown or non-production server (not kept). The caller's role is checked before.
     */
    static RecoveryPage page(Long serverId, Function<Long, RecoveryPage> compute) {
        return PAGES.get(ConcurrentHashMap::new).computeIfAbsent(serverId == null ? NO_SERVER : serverId,
                key -> compute.apply(serverId));
    }

    /** On {@link HostingContract}, {@link HostingServer}, {@link RecoveryDrill}, {@link RecoverySetting}. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            WORST.changed();
            PLANS.changed();
            PAGES.changed();
        }
    }
}
