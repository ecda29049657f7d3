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
}
