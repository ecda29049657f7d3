package fr.gestan.cloud.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ShownTest {

    @Test
    void dates_and_times_are_shown_in_paris_time() {
        Instant winter = Instant.parse("2026-01-15T08:30:05Z");
        Instant summer = Instant.parse("2026-07-15T08:30:05Z");
        assertEquals("15/01/2026", Shown.date(LocalDate.of(2026, 1, 15)));
        assertEquals("15/01/2026 09:30", Shown.dateTime(winter));
        assertEquals("15/07/2026 10:30:05", Shown.dateTimeSeconds(summer));
        assertEquals("", Shown.dateTime(null));
        // Read outside the product (e-mails, alerts): the zone is named.
        String named = Shown.DATE_TIME_SECONDS_ZONE.format(winter);
        assertTrue(named.startsWith("15/01/2026 09:30:05 "), named);
        assertTrue(named.length() > "15/01/2026 09:30:05 ".length(), named);
    }

    @Test
    void durations_are_hours_and_minutes() {
        assertEquals("2 h 59 min", Shown.duration(179));
        assertEquals("45 min", Shown.duration(45));
        assertEquals("3 h", Shown.duration(180));
        assertEquals("0 min", Shown.duration(0));
    }
}
