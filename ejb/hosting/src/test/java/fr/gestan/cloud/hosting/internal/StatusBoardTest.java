package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void a_monitored_server_silent_for_longer_than_the_policy_allows_shows_no_data_not_up() {
        Duration silence = Duration.ofMinutes(30);
        var reporting = new StatusBoard.Server(1, "A", "DC3", "Vitry", ServerRole.PRODUCTION, ServerState.OPERATIONAL, true, NOW.minus(Duration.ofMinutes(10)));
        var silent = new StatusBoard.Server(2, "B", "DC3", "Vitry", ServerRole.PRODUCTION, ServerState.DEGRADED_PERFORMANCE, true,
                NOW.minus(Duration.ofDays(2)));
        var never = new StatusBoard.Server(3, "C", "DC3", "Vitry", ServerRole.PRODUCTION, ServerState.OPERATIONAL, true, null);
        var unmonitored = new StatusBoard.Server(4, "D", "DC3", "Vitry", ServerRole.PRODUCTION, ServerState.OPERATIONAL, false, null);
        List<ComponentStatusView> views = StatusBoard.components(List.of(reporting, silent, never, unmonitored), List.of(), Set.of(),
                NOW, ZoneOffset.UTC, silence);
        assertEquals(ServerState.OPERATIONAL, views.get(0).state());
        assertEquals(ServerState.NO_DATA, views.get(1).state(), "its last (degraded) state is two days old: unknown now");
        assertEquals(ServerState.NO_DATA, views.get(2).state(), "a token was issued, nothing ever came");
        assertEquals(ServerState.OPERATIONAL, views.get(3).state(), "no token: not expected to report");
        // the gap is unknown on the bar: the last two days and today, not the days before
        List<ComponentStatusView.Day> days = views.get(1).days();
        assertEquals(List.of(false, true, true, true), days.subList(86, 90).stream().map(ComponentStatusView.Day::noData).toList());
        assertEquals(List.of(false, true), views.get(2).days().subList(88, 90).stream().map(ComponentStatusView.Day::noData).toList());
        assertEquals(ServerState.NO_DATA, StatusBoard.overall(views));
        // an active incident is still worse than silence
        var major = new StatusBoard.Outage(Set.of(2L), IncidentImpact.MAJOR, NOW.minus(Duration.ofHours(1)), null);
        assertEquals(ServerState.PARTIAL_OUTAGE, StatusBoard.components(List.of(silent), List.of(major), Set.of(), NOW, ZoneOffset.UTC, silence)
                .get(0).state());
    }

    @Test
    void the_days_before_a_new_server_existed_are_not_applicable_not_up_and_uptime_counts_from_its_commissioning() {
        // commissioned 10 days ago at noon; a critical incident of 24 h since
        Instant since = NOW.minus(Duration.ofDays(10)).minus(Duration.ofHours(5));
        var fresh = new StatusBoard.Server(7, "N", "DC3", "Vitry", ServerRole.PRODUCTION, ServerState.OPERATIONAL, true,
                NOW.minus(Duration.ofMinutes(5)), since);
        var outage = new StatusBoard.Outage(Set.of(7L), IncidentImpact.CRITICAL, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)));
        ComponentStatusView c = StatusBoard.components(List.of(fresh), List.of(outage), Set.of(), NOW, ZoneOffset.UTC,
                Duration.ofMinutes(30)).get(0);
        List<ComponentStatusView.Day> days = c.days();
        assertEquals(90, days.size());
        // 2026-11-18 (commissioning day) onwards is in service: the 79 days before are not applicable
        assertEquals(79, days.stream().filter(ComponentStatusView.Day::notInService).count());
        assertTrue(days.get(78).notInService());
        assertEquals("NOT_IN_SERVICE", days.get(0).mark(), "not shown as up");
        assertEquals(LocalDate.of(2026, 11, 18), days.get(79).date());
        assertFalse(days.get(79).notInService(), "the commissioning day is in service");
        assertEquals("OK", days.get(79).mark());
        // 24 h down over the 245 hours in service (90.20 %), not over 90 days (98.88 %)
        assertEquals(90.2, c.uptimePercent());
    }
}
