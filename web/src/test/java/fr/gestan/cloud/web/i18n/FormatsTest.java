package fr.gestan.cloud.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void times_are_shown_in_paris_whatever_the_server_zone() {
        Instant winter = Instant.parse("2026-01-15T08:30:00Z");
        Instant summer = Instant.parse("2026-07-15T08:30:00Z");
        assertEquals("15/01/2026 09:30:00", Formats.dateTime(winter, Locale.FRENCH));
        assertEquals("15/07/2026 10:30:00", Formats.dateTime(summer, Locale.FRENCH));
        assertEquals(true, Formats.dateTime(summer, Locale.ENGLISH).startsWith("7/15/26"));
    }

    @Test
    void dates_and_numbers_follow_the_language() {
        assertEquals("15 janv. 2026", Formats.date(LocalDate.of(2026, 1, 15), Locale.FRENCH));
        assertEquals("Jan 15, 2026", Formats.date(LocalDate.of(2026, 1, 15), Locale.ENGLISH));
        assertEquals("12\u202f345,5", Formats.number(12345.5, Locale.FRENCH));
        assertEquals("12,345.5", Formats.number(12345.5, Locale.ENGLISH));
    }

    @Test
    void short_date_times_and_stamps_are_in_paris_too() {
        Instant winter = Instant.parse("2026-01-15T08:30:00Z");
        Instant summer = Instant.parse("2026-07-15T08:30:45Z");
        assertEquals("15/01/2026 09:30", Formats.shortDateTime(winter, Locale.FRENCH));
        assertEquals("15/07/2026 10:30", Formats.shortDateTime(summer, Locale.FRENCH));
        assertEquals(true, Formats.shortDateTime(summer, Locale.ENGLISH).startsWith("7/15/26"));
        Formats fmt = new Formats();
        assertEquals("15/07/2026 10:30", fmt.stamp(summer), "the same pattern in every language");
        assertEquals("", fmt.stamp(null));
        assertEquals("gc-prod-01, gc-prod-02", fmt.join(java.util.List.of("gc-prod-01", "gc-prod-02")));
        assertEquals("", fmt.join(null));
    }
}
