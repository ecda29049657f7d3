package fr.gestan.cloud.hosting.api;

import java.util.Locale;

/** Formats minutes as "16 h 40" and shares of a total as CSS percentages (screens and the recovery-plan PDF). */
public final class Durations {

    private Durations() {
    }

    public static String hm(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        return h == 0 ? m + " min" : String.format(Locale.ROOT, "%d h %02d", h, m);
    }

    public static String percent(int part, int total) {
        return total <= 0 ? "0" : String.format(Locale.ROOT, "%.3f", 100.0 * part / total);
    }
}
