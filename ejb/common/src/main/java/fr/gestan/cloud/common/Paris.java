package fr.gestan.cloud.common;

import java.time.ZoneId;

/**
 * The one time zone of the application: days (expiries, purges, reports), schedules and the times shown to users are
 * those of Paris, whatever the server's zone. Instants are stored in UTC.
 */
public final class Paris {

    /** The zone id, a compile-time constant for annotations: {@code @Schedule(timezone = Paris.ZONE_ID)}. */
    public static final String ZONE_ID = "Europe/Paris";

    /** The zone. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private Paris() {
    }
}
