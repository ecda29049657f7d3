package fr.gestan.cloud.hosting.api;

import java.time.Instant;
import java.util.List;

/** Everything the public status page shows: the overall state, each server, what is going on and what is planned. */
public record PublicStatusView(Instant generatedAt, ServerState overall, List<ComponentStatusView> components,
                               List<IncidentView> activeIncidents, List<MaintenanceView> maintenances,
                               List<IncidentView> recentIncidents) {
}
