package fr.gestan.cloud.notifications.api;

import java.time.Instant;

/** A client company's webhook endpoint as its portal shows it (never its secret). */
public record WebhookView(long id, String url, boolean active, Instant createdAt) implements java.io.Serializable {
}
