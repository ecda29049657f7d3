package fr.gestan.cloud.hosting.api;

import java.util.Locale;

/** Formats minutes as "16 h 40 min" (the one duration format, {@link fr.gestan.cloud.common.Shown#duration}) and shares of a total as CSS percentages (screens and the recovery-plan PDF). */
public final class Durations {

    private Durations() {
    }

    public static String hm(int minutes) {
        return fr.gestan.cloud.common.Shown.duration(minutes);
    }

    public static String percent(int part, int total) {
        return total <= 0 ? "0" : String.format(Locale.ROOT, "%.3f", 100.0 * part / total);
    }
}
