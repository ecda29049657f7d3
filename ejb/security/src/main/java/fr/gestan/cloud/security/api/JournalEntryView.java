package fr.gestan.cloud.security.api;

import java.time.Instant;

/** One access-journal entry as staff see it. */
public record JournalEntryView(long id, Instant occurredAt, String actor, String actorRole, String tenantRef,
                               String action, String target, String outcome, String reason) {
}
