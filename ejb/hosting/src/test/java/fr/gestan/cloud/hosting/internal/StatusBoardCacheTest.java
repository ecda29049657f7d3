package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /status computes its board once for every visitor of the next seconds, and afresh after what changes it. */
class StatusBoardCacheTest {

    private final AtomicInteger computed = new AtomicInteger();
    private final Supplier<PublicStatusView> compute = () -> {
        computed.incrementAndGet();
        return new PublicStatusView(Instant.now(), ServerState.OPERATIONAL, List.of(
                new ComponentStatusView(1, "GC-PROD-01", "DC1", "Paris", ServerRole.PRODUCTION, ServerState.OPERATIONAL, List.of(), 100),
                new ComponentStatusView(2, "GC-PROD-02", "DC1", "Paris", ServerRole.PRODUCTION, ServerState.NO_DATA, List.of(), 100)),
                List.of(), List.of(), List.of());
    };

    @BeforeEach
    void aBoardOfItsOwn() {
        StatusBoardCache.changed();
    }

    @Test
    void the_views_of_the_next_seconds_share_one_computation() {
        PublicStatusView first = StatusBoardCache.get(compute);
        for (int i = 0; i < 100; i++) {
            assertSame(first, StatusBoardCache.get(compute));
        }
        assertEquals(1, computed.get());
    }

    @Test
    void a_write_to_a_server_an_incident_or_a_maintenance_is_shown_at_the_next_view() {
        StatusBoardCache.get(compute);
        new StatusBoardCache.Listener().written(new Object()); // what JPA calls after the write
        StatusBoardCache.get(compute);
        assertEquals(2, computed.get());
    }

    @Test
    void a_report_changes_the_board_only_from_a_server_it_shows_silent_or_does_not_show() {
        StatusBoardCache.get(compute);
        StatusBoardCache.reported(1); // reporting, and shown so: the board stands
        StatusBoardCache.get(compute);
        assertEquals(1, computed.get());
        StatusBoardCache.reported(2); // silent until now
        StatusBoardCache.get(compute);
        assertEquals(2, computed.get());
        StatusBoardCache.reported(3); // a server the board does not show yet
        StatusBoardCache.get(compute);
        assertEquals(3, computed.get());
    }

    @Test
    void the_dashboards_incidents_and_alerts_are_read_once_and_again_after_a_write_not_after_a_report() {
        AtomicInteger incidents = new AtomicInteger();
        AtomicInteger alerts = new AtomicInteger();
        Supplier<List<fr.gestan.cloud.hosting.api.IncidentView>> readIncidents = () -> {
            incidents.incrementAndGet();
            return List.of();
        };
        Supplier<List<fr.gestan.cloud.hosting.api.ServerView>> readAlerts = () -> {
            alerts.incrementAndGet();
            return List.of();
        };
        for (int i = 0; i < 10; i++) {
            StatusBoardCache.activeIncidents(readIncidents);
            StatusBoardCache.alerts(readAlerts);
        }
        assertEquals(1, incidents.get());
        assertEquals(1, alerts.get());
        StatusBoardCache.reported(3); // a report voids the board only
        StatusBoardCache.activeIncidents(readIncidents);
        StatusBoardCache.alerts(readAlerts);
        assertEquals(1, incidents.get());
        new StatusBoardCache.Listener().written(new Object()); // an incident opened, a server's state changed
        StatusBoardCache.activeIncidents(readIncidents);
        StatusBoardCache.alerts(readAlerts);
        assertEquals(2, incidents.get());
        assertEquals(2, alerts.get());
    }
}
