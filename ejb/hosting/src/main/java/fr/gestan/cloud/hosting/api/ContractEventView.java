package fr.gestan.cloud.hosting.api;

import java.time.Instant;

/** One step of a contract's history: created, activated, moved (with its reason), terminated. */
public record ContractEventView(Instant occurredAt, String kind, String actor, String detail) implements java.io.Serializable {
}
