package fr.gestan.cloud.hosting.api;

import java.time.Instant;
import java.util.List;

/** A maintenance window as the public status page shows it. */
public record MaintenanceView(long id, String title, String description, Instant startsAt, Instant endsAt,
                              MaintenanceState state, List<String> servers) implements java.io.Serializable {
}
