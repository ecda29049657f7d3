package fr.gestan.cloud.security.api;

import java.time.Instant;

/** One access-journal entry as staff (or, for its own entries, a client) see it. {@code seq} is its chain position. */
public record JournalEntryView(long id, Long seq, Instant occurredAt, String actor, String actorRole, String tenantRef,
                               String action, String target, String sourceIp, String outcome, String reason,
                               String entryHash) implements java.io.Serializable {
}
