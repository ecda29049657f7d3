package fr.gestan.cloud.hosting.api;

import java.time.Instant;

/**
 * One server's availability this month and over the last 12 months, as computed once and kept (the dashboards and
 * the certificates print these same figures): unmonitored time apart, time before the server existed not applicable.
 */
public record ServerAvailabilityView(long serverId, String server, AvailabilityView.Figures month, AvailabilityView.Figures year,
                                     Instant computedAt) {
}
