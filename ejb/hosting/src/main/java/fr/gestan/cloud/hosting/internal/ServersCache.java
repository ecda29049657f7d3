package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.hosting.api.ServerView;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every server with its site and load ({@link HostingInventoryBean#servers()}: 200 servers and the grouped count of
 * 10,000 contracts at scale), the same for every caller: read by the back office's capacity tile, /trust's statement
 * at each view, the recovery plan, the contracts and status screens. Kept {@value #FRESH_MILLIS} ms on this node and
 * void at once when this node writes a server, a contract or a data centre ({@link Listener}, through
 * {@link NodeMemo}); another node's writes show within {@value #FRESH_MILLIS} ms, as for the status board
 * ({@link StatusBoardCache}) and the recovery worst case ({@link WorstCaseCache}).
 */
final class ServersCache {

    static final long FRESH_MILLIS = 5_000;

    private static final NodeMemo<List<ServerView>> SERVERS = new NodeMemo<>(FRESH_MILLIS);

    private ServersCache() {
    }

    static List<ServerView> get(Supplier<List<ServerView>> compute) {
        return SERVERS.get(compute);
    }

    /** On {@link HostingServer}, {@link HostingContract}, {@link DataCentre}. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            SERVERS.changed();
        }
    }
}
