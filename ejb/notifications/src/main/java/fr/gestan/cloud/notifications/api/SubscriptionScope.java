package fr.gestan.cloud.notifications.api;

/**
 * What a subscription covers: every server, the servers of one data centre (its code), one server (its id), or (a
 * client's webhook, never a public subscription) one client company's own events (its SIREN).
 */
public enum SubscriptionScope {
    ALL, DATA_CENTRE, SERVER, TENANT;

    /** The scopes the public may subscribe to (the status page's choices). */
    public static SubscriptionScope[] publicScopes() {
        return new SubscriptionScope[] {ALL, DATA_CENTRE, SERVER};
    }
}
