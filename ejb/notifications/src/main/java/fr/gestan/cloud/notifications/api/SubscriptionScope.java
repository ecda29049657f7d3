package fr.gestan.cloud.notifications.api;

/** What a status subscription covers: every server, the servers of one data centre (its code), one server (its id). */
public enum SubscriptionScope {
    ALL, DATA_CENTRE, SERVER
}
