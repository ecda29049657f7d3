package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/** Monitoring: servers post their metrics with their own token; thresholds mark them degraded; staff see the figures. */
public interface Monitoring {

    /**
     * Stores one measurement of a server authenticated by its monitoring token (no user sign-in). Values must be
     * 0–100 %, measured at most 5 minutes ahead of the server clock and at most 24 hours ago.
     */
    MetricsReceipt ingest(long serverId, String token, MetricSample sample) throws MetricsRejectedException;

    /** The latest measurements of a server, oldest first. Staff. */
    List<MetricView> recent(long serverId, @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** Servers whose latest metrics exceed a threshold (degraded), for the back-office dashboard. Staff. */
    List<ServerView> alerts();
}
