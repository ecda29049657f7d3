package fr.gestan.cloud.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The one way dates, times and durations are shown to users, on screens ({@code web.i18n.Formats}) and in the
 * documents they download: {@code 03/12/2026}, {@code 03/12/2026 14:05}, {@code 03/12/2026 14:05:09} in Paris time,
 * and durations as {@code 2 h 59 min}, {@code 45 min}, {@code 3 h}, in French and in English alike.
 */
public final class Shown {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Paris.ZONE);
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Paris.ZONE);
    /** In e-mails and alerts read outside the product, where Paris time is named: {@code 03/12/2026 14:05:09 CET}. */
    public static final DateTimeFormatter DATE_TIME_SECONDS_ZONE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss z").withZone(Paris.ZONE);

    private Shown() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Day and minute in Paris. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** Day and second in Paris (journals, controls). */
    public static String dateTimeSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant);
    }

    /** A duration in minutes: "2 h 59 min", "45 min", "3 h", "0 min". */
    public static String duration(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + " min";
        }
        return m == 0 ? h + " h" : h + " h " + String.format(java.util.Locale.ROOT, "%02d", m) + " min";
    }
}
