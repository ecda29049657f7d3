package fr.gestan.cloud.hosting.api;

import java.time.Instant;

/** One public, timestamped update of an incident. */
public record IncidentUpdateView(IncidentState state, String message, Instant postedAt) implements java.io.Serializable {
}
