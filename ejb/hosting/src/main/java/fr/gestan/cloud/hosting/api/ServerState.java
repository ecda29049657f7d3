package fr.gestan.cloud.hosting.api;

/** A server's status as the public status page shows it (Statuspage's component statuses). */
public enum ServerState {
    OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE, UNDER_MAINTENANCE,
    /** A monitored server that has not reported for longer than the policy allows: silence is not "up". Computed, never stored. */
    NO_DATA;

    /** Higher is worse; used to show the worst state of a group. */
    public int severity() {
        return switch (this) {
            case OPERATIONAL -> 0;
            case UNDER_MAINTENANCE -> 1;
            case NO_DATA -> 2;
            case DEGRADED_PERFORMANCE -> 3;
            case PARTIAL_OUTAGE -> 4;
            case MAJOR_OUTAGE -> 5;
        };
    }
}
