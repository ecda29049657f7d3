package fr.gestan.cloud.notifications.internal;

/**
 * A rendered message: subject, plain text, HTML (e-mail), and the one-click unsubscribe address of a subscription
 * (or null). For a webhook: the event type and the JSON payload as text, no HTML.
 */
public record Message(String subject, String text, String html, String unsubscribeUrl) {
}
