package fr.gestan.cloud.hosting.api;

import java.time.Instant;

/** A stored agent event, for staff: who reported it, about which server, and its verdict. */
public record AgentEventView(long id, String reporter, String eventId, String serverName, String kind, Instant occurredAt,
                             Instant receivedAt, String details, String verdict, String reason) implements java.io.Serializable {
}
