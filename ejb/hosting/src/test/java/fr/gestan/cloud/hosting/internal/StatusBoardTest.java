package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusBoardTest {

    private static final Instant NOW = Instant.parse("2026-11-28T17:00:00Z");
    private static final StatusBoard.Server A = new StatusBoard.Server(1, "A", "DC3", "Vitry", ServerRole.PRODUCTION, ServerState.OPERATIONAL);
    private static final StatusBoard.Server B = new StatusBoard.Server(2, "B", "DC3", "Vitry", ServerRole.PRODUCTION, ServerState.DEGRADED_PERFORMANCE);

    @Test
    void a_server_without_incident_is_operational_with_a_full_bar() {
        ComponentStatusView a = StatusBoard.components(List.of(A), List.of(), Set.of(), NOW, ZoneOffset.UTC).get(0);
        assertEquals(ServerState.OPERATIONAL, a.state());
        assertEquals(90, a.days().size());
        assertEquals(LocalDate.of(2026, 11, 28), a.days().get(89).date());
        assertNull(a.days().get(0).worstImpact());
        assertEquals(100.0, a.uptimePercent());
    }

    @Test
    void an_active_incident_sets_the_status_and_a_resolved_one_marks_its_days_and_uptime() {
        var resolved = new StatusBoard.Outage(Set.of(1L), IncidentImpact.CRITICAL, Instant.parse("2026-11-10T10:00:00Z"),
                Instant.parse("2026-11-10T19:00:00Z"));
        var active = new StatusBoard.Outage(Set.of(1L), IncidentImpact.MAJOR, NOW.minus(Duration.ofHours(1)), null);
        List<ComponentStatusView> views = StatusBoard.components(List.of(A, B), List.of(resolved, active), Set.of(), NOW, ZoneOffset.UTC);
        ComponentStatusView a = views.get(0);
        assertEquals(ServerState.PARTIAL_OUTAGE, a.state());
        assertEquals(IncidentImpact.CRITICAL, a.days().stream().filter(d -> d.date().equals(LocalDate.of(2026, 11, 10))).findFirst().orElseThrow().worstImpact());
        assertEquals(IncidentImpact.MAJOR, a.days().get(89).worstImpact());
        // 9 h fully down + 1 h at 30 % over 90 days = 9.3 h / 2160 h
        assertEquals(99.56, a.uptimePercent(), 0.01);
        assertEquals(ServerState.DEGRADED_PERFORMANCE, views.get(1).state(), "its own (metrics) state");
        assertEquals(ServerState.PARTIAL_OUTAGE, StatusBoard.overall(views));
    }

    @Test
    void maintenance_in_progress_shows_as_under_maintenance() {
        ComponentStatusView a = StatusBoard.components(List.of(A), List.of(), Set.of(1L), NOW, ZoneOffset.UTC).get(0);
        assertEquals(ServerState.UNDER_MAINTENANCE, a.state());
    }
}
