package fr.gestan.cloud.hosting.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One server on the status page: its current status, its last 90 days (worst impact of each day, oldest first)
 * and its uptime over them in percent.
 */
public record ComponentStatusView(long serverId, String name, String dataCentreCode, String city, ServerRole role,
                                  ServerState state, List<Day> days, double uptimePercent) {

    /** A day of the uptime bar; {@code noData}: the server was silent (part of) that day, shown as unknown, not as up. */
    public record Day(LocalDate date, IncidentImpact worstImpact, boolean noData) {

        public Day(LocalDate date, IncidentImpact worstImpact) {
            this(date, worstImpact, false);
        }
    }
}
