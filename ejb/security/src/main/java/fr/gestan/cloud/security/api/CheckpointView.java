package fr.gestan.cloud.security.api;

import java.time.Instant;

/**
 * A signed checkpoint of the journal's log: tree size {@code seq} had root {@code headHash} (hex) at {@code createdAt};
 * {@code number} is its identifier, {@code keyId} the signed-note key hash (hex), {@code signature} the base64 of the
 * signature line and {@code note} the whole signed note (C2SP tlog-checkpoint).
 */
public record CheckpointView(long number, long seq, String headHash, Instant createdAt, String keyId, String signature, String note) implements java.io.Serializable {
}
