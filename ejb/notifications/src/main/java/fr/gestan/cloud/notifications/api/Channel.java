package fr.gestan.cloud.notifications.api;

/** How a notification travels. */
public enum Channel {
    EMAIL, WEBHOOK
}
