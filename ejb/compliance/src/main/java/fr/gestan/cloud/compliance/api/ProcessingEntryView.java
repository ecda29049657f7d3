package fr.gestan.cloud.compliance.api;

import java.time.Instant;

/** A record entry with its id, optimistic-lock version, tenant and last change. */
public record ProcessingEntryView(long id, long version, String tenantSiren, ProcessingEntry entry, String updatedBy,
                                  Instant updatedAt) implements java.io.Serializable {
}
