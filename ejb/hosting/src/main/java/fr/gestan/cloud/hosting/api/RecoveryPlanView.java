package fr.gestan.cloud.hosting.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A server's ordered restore timeline. Minutes count from the start of the recovery (the disaster's
 * declaration); {@code dataStepStartMinute} is when the first tenant's data restore begins.
 */
public record RecoveryPlanView(long serverId, String serverName, String dataCentreCode, List<Step> steps,
                               List<TenantSlot> tenants, int dataStepStartMinute, int totalMinutes) implements java.io.Serializable {

    /** Where a figure comes from: the settings, or a recorded drill (with its date). */
    public record Source(boolean drill, LocalDate drilledOn) implements java.io.Serializable {
        public static final Source SETTING = new Source(false, null);
    }

    /** A step of the plan: NEW_SERVER, REMOUNT, or DATA (all tenants' restores). */
    public record Step(String kind, int startMinute, int durationMinutes, Source source) implements java.io.Serializable {
        public int endMinute() {
            return startMinute + durationMinutes;
        }
    }

    /** One tenant's restore: its position (1 first), start and end minute, the figure's source. */
    public record TenantSlot(int position, long contractId, String tenantSiren, ServiceLevel serviceLevel,
                             int dataVolumeGb, int startMinute, int durationMinutes, Source source) implements java.io.Serializable {
        public int endMinute() {
            return startMinute + durationMinutes;
        }
    }
}
