package fr.gestan.cloud.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    /** The same morning in UTC, in winter (Paris one hour ahead) and in summer (two hours ahead). */
    static final Instant WINTER = Instant.parse("2026-01-15T08:30:00Z");
    static final Instant SUMMER = Instant.parse("2026-07-15T08:30:45Z");

    @Test
    void times_are_shown_in_paris_whatever_the_server_zone() {
        assertEquals("15/01/2026 09:30:00", Formats.dateTime(WINTER, Locale.FRENCH));
        assertEquals("15/07/2026 10:30:45", Formats.dateTime(SUMMER, Locale.FRENCH));
        assertEquals("15/07/2026 10:30:45", Formats.dateTime(SUMMER, Locale.ENGLISH), "one date format in every language");
    }

    @Test
    void dates_and_numbers_follow_the_language() {
        assertEquals("15/01/2026", Formats.date(LocalDate.of(2026, 1, 15), Locale.FRENCH));
        assertEquals("15/01/2026", Formats.date(LocalDate.of(2026, 1, 15), Locale.ENGLISH));
        assertEquals("12\u202f345,5", Formats.number(12345.5, Locale.FRENCH));
        assertEquals("12,345.5", Formats.number(12345.5, Locale.ENGLISH));
    }

    @Test
    void short_date_times_and_stamps_are_in_paris_too() {
        assertEquals("15/01/2026 09:30", Formats.shortDateTime(WINTER, Locale.FRENCH));
        assertEquals("15/07/2026 10:30", Formats.shortDateTime(SUMMER, Locale.FRENCH));
        assertEquals("15/07/2026 10:30", Formats.shortDateTime(SUMMER, Locale.ENGLISH));
        Formats fmt = new Formats();
        assertEquals("15/07/2026 10:30", fmt.stamp(SUMMER), "the same pattern in every language");
        assertEquals("", fmt.stamp(null));
        assertEquals("gc-prod-01, gc-prod-02", fmt.join(java.util.List.of("gc-prod-01", "gc-prod-02")));
        assertEquals("", fmt.join(null));
    }

    @Test
    void one_duration_format_hours_and_minutes() {
        Formats fmt = new Formats();
        assertEquals("2 h 59 min", fmt.duration(179));
        assertEquals("45 min", fmt.duration(45));
        assertEquals("3 h", fmt.duration(180));
        assertEquals("0 min", fmt.duration(0));
        assertEquals("", fmt.duration(null));
        assertEquals("03/12/2026", fmt.day(LocalDate.of(2026, 12, 3)));
        assertEquals("04/12/2026", fmt.day(Instant.parse("2026-12-03T23:30:00Z")), "the day in Paris");
        assertEquals("", fmt.day(null));
    }

    @Test
    void counts_take_their_plural() {
        String fr = "{0,choice,0#aucun client|1#1 client|1<{0,number,integer} clients}";
        assertEquals("aucun client", Formats.plural(fr, 0, Locale.FRENCH));
        assertEquals("1 client", Formats.plural(fr, 1, Locale.FRENCH));
        assertEquals("2 clients", Formats.plural(fr, 2, Locale.FRENCH));
        assertEquals("1\u202f234 clients", Formats.plural(fr, 1234, Locale.FRENCH));
    }

    @Test
    void a_plural_is_parsed_once_per_language_and_formats_the_same_from_many_threads() throws Exception {
        String pattern = "{0,choice,0#aucune alerte|1#1 alerte|1<{0,number,integer} alertes}";
        assertSame(Formats.parsed(pattern, Locale.FRENCH), Formats.parsed(pattern, Locale.FRENCH), "kept, not parsed again");
        assertNotSame(Formats.parsed(pattern, Locale.FRENCH), Formats.parsed(pattern, Locale.ENGLISH), "one per language");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int n = 0; n < 2000; n++) {
                        String expected = n == 0 ? "aucune alerte" : n == 1 ? "1 alerte" : java.text.NumberFormat.getIntegerInstance(Locale.FRENCH).format(n) + " alertes";
                        if (!expected.equals(Formats.plural(pattern, n, Locale.FRENCH))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> run : runs) {
                assertTrue(run.get(), "the shared format gives each thread its own count");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
