package fr.gestan.cloud.notifications.api;

/**
 * A webhook subscription just created, with its signing secret ({@code whsec_} + base64, Standard Webhooks): shown
 * this once, never again.
 */
public record NewWebhook(long id, String url, String secret) implements java.io.Serializable {
}
