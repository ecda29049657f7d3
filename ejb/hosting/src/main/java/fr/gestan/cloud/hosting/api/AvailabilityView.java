package fr.gestan.cloud.hosting.api;

import java.time.Instant;

/**
 * The availability of one contract's production server over this month and the last 12 months, computed from what
 * the machines reported (metrics and agent events) and the incidents: the time no report covered is counted apart
 * as unmonitored, never as up.
 */
public record AvailabilityView(long contractId, String tenantSiren, String server, Figures month, Figures year) {

    /**
     * One period: its length, the unmonitored and the down time in it (seconds), and the availability of the
     * monitored time in percent ({@code null} when no time of the period was monitored).
     */
    public record Figures(Instant from, Instant to, long seconds, long unmonitoredSeconds, long downSeconds, Double availabilityPercent) {

        /** The unmonitored share of the period, in percent. */
        public double unmonitoredPercent() {
            return seconds == 0 ? 0 : Math.round(10_000.0 * unmonitoredSeconds / seconds) / 100.0;
        }
    }
}
