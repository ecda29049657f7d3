package fr.gestan.cloud.notifications.api;

import java.time.Instant;

/** One message to one recipient, as staff see it. */
public record DeliveryView(long id, String kind, Channel channel, String target, String subject, DeliveryState state,
                           int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) implements java.io.Serializable {
}
