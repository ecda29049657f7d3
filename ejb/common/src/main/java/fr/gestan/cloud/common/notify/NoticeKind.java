package fr.gestan.cloud.common.notify;

/** What a notification announces; each kind has its recipients and its message (docs/notifications.md). */
public enum NoticeKind {
    /** A status incident opened (public status subscribers of the servers concerned). */
    INCIDENT_OPENED,
    /** A public update on an open incident. */
    INCIDENT_UPDATED,
    /** The incident resolved. */
    INCIDENT_RESOLVED,
    /** A maintenance window announced. */
    MAINTENANCE_SCHEDULED,
    /** The maintenance started. */
    MAINTENANCE_STARTED,
    /** The maintenance ended. */
    MAINTENANCE_ENDED,
    /** A staff member accessed a client's data (credential reveal or reset, download): the client's security contact. */
    STAFF_ACCESS,
    /** A sub-processor added or ending (GDPR art. 28(2)): each client concerned, which may object in its portal. */
    SUB_PROCESSOR_CHANGE,
    /** A reminder or alert to staff (agreement or certification expiring, server degraded or silent): the on-call address. */
    STAFF_REMINDER,
    /** A sign-in to a server by an identity that is not cleared support staff (issue 15): the on-call address. */
    SERVER_ACCESS_ALERT,
    /** A reminder to a client (its certificate expiring, its compliance failing): its administrative and technical contacts. */
    CLIENT_REMINDER,
    /** A new certificate issued to a client (the one it held, if any, superseded): the client's contacts. */
    CERTIFICATE_ISSUED;

    /** Whether it goes to the public status subscribers. */
    public boolean isStatus() {
        return this != STAFF_ACCESS && this != SUB_PROCESSOR_CHANGE && this != STAFF_REMINDER && this != SERVER_ACCESS_ALERT
                && this != CLIENT_REMINDER && this != CERTIFICATE_ISSUED;
    }
}
