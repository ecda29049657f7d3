package fr.gestan.cloud.hosting.api;

import java.time.Instant;
import java.util.List;

/** An incident as the public status page shows it, with the names of the servers it affects and its updates (newest first). */
public record IncidentView(long id, String title, IncidentImpact impact, IncidentState state, Instant startedAt,
                           Instant resolvedAt, List<String> servers, List<IncidentUpdateView> updates) implements java.io.Serializable {
}
