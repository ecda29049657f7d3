package fr.gestan.cloud.hosting.api;

import java.util.List;

/** What the ingest answers: the server's resulting state and the thresholds exceeded (empty when none). */
public record MetricsReceipt(long serverId, ServerState state, List<String> exceeded) {
}
