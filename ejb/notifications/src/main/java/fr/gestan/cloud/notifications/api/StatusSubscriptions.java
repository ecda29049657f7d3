package fr.gestan.cloud.notifications.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Subscriptions to the public server status (incidents and maintenance), by e-mail with double opt-in or by webhook.
 */
public interface StatusSubscriptions {

    /**
     * Asks for a subscription: anyone. A confirmation message with a link valid {@code gestan.notifications.confirm-hours}
     * hours (default 48) goes to the address; nothing is sent until it is followed. Asking again for the same address
     * and scope while a link is valid, or once confirmed, sends nothing more (the answer is the same, so that it tells
     * nobody whether the address is subscribed).
     *
     * @param scopeRef the data centre's code or the server's id; ignored for {@link SubscriptionScope#ALL}
     */
    void subscribeByEmail(@NotBlank(message = "{notifications.email.required}") @Size(max = 254, message = "{notifications.email.invalid}")
                          @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{notifications.email.invalid}") String email,
                          @NotNull(message = "{notifications.scope.required}") SubscriptionScope scope,
                          @Size(max = 64, message = "{notifications.scope.required}") String scopeRef) throws SubscriptionRefusedException;

    /**
     * Follows a confirmation link: the subscription becomes active (again on an active one: no change). Anyone holding
     * the link. Returns the subscription's unsubscribe token (for the one-click link shown on the confirmation page).
     */
    String confirm(@NotBlank(message = "{notifications.token.required}") @Size(max = 100, message = "{notifications.token.required}") String token)
            throws SubscriptionRefusedException;

    /** Ends a subscription (one click, RFC 8058). Anyone holding the link; again on an ended one is a no-op. */
    void unsubscribe(@NotBlank(message = "{notifications.token.required}") @Size(max = 100, message = "{notifications.token.required}") String token)
            throws SubscriptionRefusedException;

    /**
     * Subscribes a webhook (HTTPS only; {@code gestan.notifications.webhooks.allow-loopback-http=true} also allows
     * {@code http://127.0.0.1} for tests), active at once, with a signing secret returned this once. Support and admins.
     */
    NewWebhook subscribeWebhook(@NotBlank(message = "{notifications.url.required}") @Size(max = 2000, message = "{notifications.url.invalid}") String url,
                                @NotNull(message = "{notifications.scope.required}") SubscriptionScope scope,
                                @Size(max = 64, message = "{notifications.scope.required}") String scopeRef) throws SubscriptionRefusedException;

    /**
     * Asks for a public webhook subscription (anyone, the same rate limit as e-mail): pending until confirmed, like an
     * e-mail. A signed {@code subscription.confirmation} event goes to the URL with its {@code confirmUrl}; the receiver
     * confirms by POSTing the token there (valid {@code gestan.notifications.confirm-hours}). Returns the signing
     * secret (shown this once) when a confirmation goes out, null when nothing is sent (a valid link is out, or it is
     * active).
     */
    String subscribeWebhookPublicly(@NotBlank(message = "{notifications.url.required}") @Size(max = 2000, message = "{notifications.url.invalid}") String url,
                                    @NotNull(message = "{notifications.scope.required}") SubscriptionScope scope,
                                    @Size(max = 64, message = "{notifications.scope.required}") String scopeRef) throws SubscriptionRefusedException;
}
