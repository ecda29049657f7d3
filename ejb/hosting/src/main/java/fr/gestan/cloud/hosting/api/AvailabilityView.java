package fr.gestan.cloud.hosting.api;

import java.time.Instant;

/**
 * The availability of one contract's production server over this month and the last 12 months, computed from what
 * the machines reported (metrics and agent events) and the incidents: the time no report covered is counted apart
 * as unmonitored, never as up.
 */
public record AvailabilityView(long contractId, String tenantSiren, String server, Figures month, Figures year, Instant computedAt) implements java.io.Serializable {

    /**
     * One period: its length, the unmonitored and the down time in it (seconds), and the availability of the
     * monitored time in percent ({@code null} when no time of the period was monitored). {@code notInServiceSeconds}:
     * the part of the period before the server was commissioned, not applicable (neither up nor unmonitored).
     */
    public record Figures(Instant from, Instant to, long seconds, long unmonitoredSeconds, long downSeconds, Double availabilityPercent,
                          long notInServiceSeconds) implements java.io.Serializable {

        public Figures(Instant from, Instant to, long seconds, long unmonitoredSeconds, long downSeconds, Double availabilityPercent) {
            this(from, to, seconds, unmonitoredSeconds, downSeconds, availabilityPercent, 0);
        }

        /** The part of the period when the server existed, in seconds. */
        public long inServiceSeconds() {
            return seconds - notInServiceSeconds;
        }

        /** The whole days of the period before the server was commissioned. */
        public long notInServiceDays() {
            return notInServiceSeconds / 86_400;
        }

        /** The unmonitored share of the time the server existed in the period, in percent. */
        public double unmonitoredPercent() {
            long applicable = inServiceSeconds();
            return applicable <= 0 ? 0 : Math.round(10_000.0 * unmonitoredSeconds / applicable) / 100.0;
        }
    }
}
