package fr.gestan.cloud.hosting.api;

import java.time.LocalDate;

/** A recorded recovery drill: when, by whom, on which server, and what was measured. */
public record DrillView(long id, String serverName, LocalDate drilledOn, String performedBy, Integer newServerMinutes,
                        Integer remountMinutes, Integer perTenantMinutes, Integer throughputGbPerHour, String notes) implements java.io.Serializable {
}
