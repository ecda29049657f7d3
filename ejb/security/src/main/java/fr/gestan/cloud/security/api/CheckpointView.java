package fr.gestan.cloud.security.api;

import java.time.Instant;

/** A signed checkpoint of the journal: chain position {@code seq} had hash {@code headHash} at {@code createdAt}. */
public record CheckpointView(long number, long seq, String headHash, Instant createdAt, String keyId, String signature) {
}
