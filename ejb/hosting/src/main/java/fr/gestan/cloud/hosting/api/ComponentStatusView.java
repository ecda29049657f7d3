package fr.gestan.cloud.hosting.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One server on the status page: its current status, its last 90 days (worst impact of each day, oldest first)
 * and its uptime over them in percent.
 */
public record ComponentStatusView(long serverId, String name, String dataCentreCode, String city, ServerRole role,
                                  ServerState state, List<Day> days, double uptimePercent) implements java.io.Serializable {

    /**
     * A day of the uptime bar; {@code noData}: the server was silent (part of) that day, shown as unknown, not as up;
     * {@code notInService}: the server did not exist yet that day (before its commissioning), not applicable.
     */
    public record Day(LocalDate date, IncidentImpact worstImpact, boolean noData, boolean notInService) implements java.io.Serializable {

        public Day(LocalDate date, IncidentImpact worstImpact, boolean noData) {
            this(date, worstImpact, noData, false);
        }

        public Day(LocalDate date, IncidentImpact worstImpact) {
            this(date, worstImpact, false);
        }

        /** A day before the server was commissioned. */
        public static Day notInService(LocalDate date) {
            return new Day(date, null, false, true);
        }

        /** The bar's class suffix: the worst impact, NO_DATA, NOT_IN_SERVICE or OK. */
        public String mark() {
            return notInService ? "NOT_IN_SERVICE" : worstImpact != null ? worstImpact.name() : noData ? "NO_DATA" : "OK";
        }
    }
}
