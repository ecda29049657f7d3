package fr.gestan.cloud.common.keys;

import java.time.Instant;

/**
 * One key of a ring, as the back office shows it (never the key itself): {@code purpose} names the ring
 * ({@code hosted-accounts}, {@code certificate-signing}...), {@code uses} counts what the product still holds made
 * with this key (encrypted secrets, issued certificates), {@code location} is the file it is read from.
 */
public record KeyView(String purpose, String id, String algorithm, Instant createdAt, boolean active, long uses, String location) implements java.io.Serializable {
}
