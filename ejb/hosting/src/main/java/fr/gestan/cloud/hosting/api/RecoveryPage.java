package fr.gestan.cloud.hosting.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the staff recovery page shows, read in one call ({@link RecoveryPlans#page}): the production servers by name,
 * the step durations, the plan of one of them (null without production servers) and its drills, newest first.
 */
public record RecoveryPage(List<Server> servers, RecoverySettings settings, RecoveryPlanView plan, List<DrillView> drills)
        implements Serializable {

    /** A production server as the page links to it. */
    public record Server(long id, String name) implements Serializable {
    }

    public RecoveryPage {
        servers = List.copyOf(servers);
        drills = List.copyOf(drills);
    }
}
