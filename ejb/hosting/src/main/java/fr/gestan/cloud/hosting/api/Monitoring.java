package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Monitoring: servers post their metrics with their own token; thresholds mark them degraded; staff see the figures. */
public interface Monitoring {

    /**
     * Stores one measurement of a server authenticated by its monitoring token (no user sign-in). Values must be
     * 0–100 %, measured at most 5 minutes ahead of the server clock and at most 24 hours ago.
     */
    MetricsReceipt ingest(long serverId, String token, MetricSample sample) throws MetricsRejectedException;

    /**
     * Imports a server's past measurements in one call (from the monitoring system used before, or the load harness's
     * seeding): each checked as the ingest checks it except for its age (up to {@link #HISTORY_DAYS} days), stored
     * as received now, and the server's state left as it is (history, not news). Administrators; journaled once
     * with the count and the period. Returns how many were stored.
     */
    int importHistory(long serverId, @NotNull(message = "{metrics.history.required}")
            @Size(max = MAX_IMPORT, message = "{metrics.history.size}") List<MetricSample> samples);

    /** The oldest a measurement may be for {@link #importHistory}, in days. */
    int HISTORY_DAYS = 400;

    /** The most measurements {@link #importHistory} takes in one call (90 days at one every 5 minutes fit). */
    int MAX_IMPORT = 30_000;

    /** The latest measurements of a server, oldest first. Staff. */
    List<MetricView> recent(long serverId, @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** Servers whose latest metrics exceed a threshold (degraded), for the back-office dashboard. Staff. */
    List<ServerView> alerts();
}
