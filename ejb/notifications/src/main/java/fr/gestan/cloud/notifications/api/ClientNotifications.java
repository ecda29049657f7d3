package fr.gestan.cloud.notifications.api;

/**
 * What a client company is told of: the incidents and maintenance of its own servers, by default, at its technical
 * contact (else its administrative one). The client turns them off and on in its portal (journaled).
 */
public interface ClientNotifications {

    /** Whether the calling client's company receives the status notices of its servers. Clients. */
    boolean myStatusNotices();

    /** Turns them on or off for the calling client's company; returns the choice. Clients; journaled. */
    boolean setMyStatusNotices(boolean receive);

    /** Whether the calling client's company takes its staff-access notices as one daily digest. Clients. */
    boolean myStaffAccessDigest();

    /**
     * Chooses a daily digest of the staff-access notices (true) or one message per access (false, the default);
     * returns the choice. Clients; journaled {@code STAFF_ACCESS_DIGEST_ON} / {@code STAFF_ACCESS_DIGEST_OFF}.
     */
    boolean setMyStaffAccessDigest(boolean digest);

    /** The calling client's webhook endpoints, newest first. Clients. */
    java.util.List<WebhookView> myWebhooks();

    /**
     * Registers a webhook endpoint of the calling client's company (HTTPS; a public address, see the SSRF guard of
     * {@code docs/notifications.md}): it receives the company's own events (incidents and maintenance of its servers,
     * staff access, sub-processor changes, certificates), signed as Standard Webhooks says. The secret is returned
     * this once. The same URL again: active again with a new secret. Clients; journaled {@code CLIENT_WEBHOOK_ADDED}.
     */
    NewWebhook addMyWebhook(@jakarta.validation.constraints.NotBlank(message = "{notifications.url.required}")
                            @jakarta.validation.constraints.Size(max = 2000, message = "{notifications.url.invalid}") String url)
            throws SubscriptionRefusedException;

    /** Puts a test event ({@code webhook.test}) in the outbox for one of the company's active webhooks. Clients. */
    void testMyWebhook(long id) throws SubscriptionRefusedException;

    /** Disables one of the company's webhooks (nothing more is sent to it). Clients; journaled {@code CLIENT_WEBHOOK_DISABLED}. */
    void disableMyWebhook(long id) throws SubscriptionRefusedException;
}
