package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.hosting.api.AvailabilityView.Figures;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofDays(10));
    static final Duration SILENCE = Duration.ofMinutes(30);

    /** A report every 5 minutes between two instants. */
    static List<Instant> every5(Instant from, Instant to) {
        List<Instant> list = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
            list.add(t);
        }
        return list;
    }

    @Test
    void a_server_that_reports_all_along_without_incident_is_fully_available_and_monitored() {
        Figures f = Availability.of(FROM, TO, every5(FROM.minus(SILENCE), TO), SILENCE, List.of());
        assertEquals(0, f.unmonitoredSeconds());
        assertEquals(100.0, f.availabilityPercent());
    }

    @Test
    void silence_is_unmonitored_time_shown_apart_not_up() {
        // reports stop for 2 days in the middle: 2 days minus the 30 minutes the last report still covers
        List<Instant> reports = new ArrayList<>(every5(FROM, FROM.plus(Duration.ofDays(4))));
        reports.addAll(every5(FROM.plus(Duration.ofDays(6)), TO));
        Figures f = Availability.of(FROM, TO, reports, SILENCE, List.of());
        assertEquals(Duration.ofDays(2).minus(Duration.ofMinutes(25)).toSeconds(), f.unmonitoredSeconds());
        assertEquals(100.0, f.availabilityPercent(), "the monitored time was all up");
        assertEquals(19.83, f.unmonitoredPercent());
    }

    @Test
    void incidents_are_down_time_as_on_the_status_page_and_no_report_at_all_is_no_figure() {
        List<Instant> reports = every5(FROM.minus(SILENCE), TO);
        var critical = new StatusBoard.Outage(Set.of(1L), IncidentImpact.CRITICAL, FROM.plus(Duration.ofDays(1)), FROM.plus(Duration.ofDays(1)).plus(Duration.ofHours(24)));
        var major = new StatusBoard.Outage(Set.of(1L), IncidentImpact.MAJOR, FROM.plus(Duration.ofDays(3)), FROM.plus(Duration.ofDays(3)).plus(Duration.ofHours(10)));
        Figures f = Availability.of(FROM, TO, reports, SILENCE, List.of(critical, major));
        assertEquals(Duration.ofHours(27).toSeconds(), f.downSeconds(), "24 h critical + 30 % of 10 h major");
        assertEquals(88.75, f.availabilityPercent());

        Figures silent = Availability.of(FROM, TO, List.of(), SILENCE, List.of(critical));
        assertNull(silent.availabilityPercent(), "nothing reported: no availability figure, not 100 %");
        assertEquals(silent.seconds(), silent.unmonitoredSeconds());
    }

    @Test
    void the_time_before_the_server_was_commissioned_is_neither_up_nor_unmonitored() {
        // commissioned on day 6 of the 10; it reports every 5 minutes from then on, one day of silence at the end
        Instant since = FROM.plus(Duration.ofDays(6));
        Figures f = Availability.of(FROM, TO, every5(since, TO.minus(Duration.ofDays(1))), SILENCE, List.of(), since);
        assertEquals(Duration.ofDays(10).toSeconds(), f.seconds(), "the period is still the period");
        assertEquals(Duration.ofDays(6).toSeconds(), f.notInServiceSeconds(), "not applicable");
        assertEquals(Duration.ofDays(1).minus(Duration.ofMinutes(25)).toSeconds(), f.unmonitoredSeconds(),
                "only the silence after it is unmonitored, not the 6 days before it existed");
        assertEquals(100.0, f.availabilityPercent());
        assertEquals(24.57, f.unmonitoredPercent(), "a share of the 4 days it existed");
        assertEquals(6, f.notInServiceDays());

        // an incident before the server existed cannot be its down time
        var before = new StatusBoard.Outage(Set.of(1L), IncidentImpact.CRITICAL, FROM, FROM.plus(Duration.ofDays(2)));
        assertEquals(0, Availability.of(FROM, TO, every5(since, TO), SILENCE, List.of(before), since).downSeconds());
        // commissioned after the period: nothing applicable, no figure
        Figures later = Availability.of(FROM, TO, List.of(), SILENCE, List.of(), TO.plus(Duration.ofDays(1)));
        assertEquals(later.seconds(), later.notInServiceSeconds());
        assertEquals(0, later.unmonitoredSeconds());
        assertNull(later.availabilityPercent());
    }
}
