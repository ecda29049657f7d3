package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerState;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last public status board computed on this node ({@link PublicStatusBoardBean}), the same for every visitor: kept
 * {@value #FRESH_MILLIS} ms, and void at once when this node writes a server, an incident or a maintenance
 * ({@link Listener}, at the write and when its transaction ends: {@link NodeMemo}) or when a server that the board shows silent, or does
 * not show, reports ({@link #reported}). Another node's writes, and what time alone changes (a server falling
 * silent, the day's bar), show within {@value #FRESH_MILLIS} ms. See operations.md, "State kept in one JVM's memory".
 */
public final class StatusBoardCache {

    static final long FRESH_MILLIS = 5_000;

    private static final NodeMemo<PublicStatusView> BOARD = new NodeMemo<>(FRESH_MILLIS);
    /**
     * The incidents under way and the servers in alert (back-office dashboard, at each view of every staff member), kept
     * as the board and void by the same writes (docs/performance.md, "staff dashboards, tenant search and public pages
     * (pages11s)"); not by a report, which changes neither.
     */
    private static final NodeMemo<List<IncidentView>> ACTIVE_INCIDENTS = new NodeMemo<>(FRESH_MILLIS);
    private static final NodeMemo<List<ServerView>> ALERTS = new NodeMemo<>(FRESH_MILLIS);

    private StatusBoardCache() {
    }

    static PublicStatusView get(Supplier<PublicStatusView> compute) {
        return BOARD.get(compute);
    }

    /** A server reported (metrics, agent events): if the board shows it silent, or not at all, it is out of date. */
    static void reported(long serverId) {
        PublicStatusView board = BOARD.peek();
        if (board != null && board.components().stream().noneMatch(c -> c.serverId() == serverId && c.state() != ServerState.NO_DATA)) {
            BOARD.changed();
        }
    }

    static List<IncidentView> activeIncidents(Supplier<List<IncidentView>> compute) {
        return ACTIVE_INCIDENTS.get(compute);
    }

    static List<ServerView> alerts(Supplier<List<ServerView>> compute) {
        return ALERTS.get(compute);
    }

    /** Voids the board, the incidents and the alerts (a write this node made to what they are computed from). */
    static void changed() {
        BOARD.changed();
        ACTIVE_INCIDENTS.changed();
        ALERTS.changed();
    }

    /** On {@link HostingServer}, {@link Incident}, {@link IncidentUpdate}, {@link Maintenance}. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            changed();
        }
    }
}
