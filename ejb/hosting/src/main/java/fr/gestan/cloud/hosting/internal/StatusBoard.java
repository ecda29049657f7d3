package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Computes each server's current status, its 90-day bar and uptime from its incidents and maintenance. Pure
 * logic, unit tested. Uptime counts a critical incident (major outage) fully and a major one (partial outage)
 * for 30 % of its duration, as Statuspage does; minor ones do not count.
 */
final class StatusBoard {

    static final int DAYS = 90;

    /**
     * @param monitored  the server has a monitoring token: its agent is expected to report
     * @param lastReport when it last reported (metrics or agent events), or null
     * @param since      when it was commissioned ({@code null}: before any period shown): the days before it are not
     *                   applicable, neither up nor silent, and uptime counts from it
     */
    record Server(long id, String name, String dataCentreCode, String city, ServerRole role, ServerState ownState,
                  boolean monitored, Instant lastReport, Instant since) {

        Server(long id, String name, String dataCentreCode, String city, ServerRole role, ServerState ownState,
               boolean monitored, Instant lastReport) {
            this(id, name, dataCentreCode, city, role, ownState, monitored, lastReport, null);
        }

        Server(long id, String name, String dataCentreCode, String city, ServerRole role, ServerState ownState) {
            this(id, name, dataCentreCode, city, role, ownState, false, null);
        }
    }

    record Outage(Set<Long> serverIds, IncidentImpact impact, Instant start, Instant end) {
        boolean active() {
            return end == null;
        }
    }

    private StatusBoard() {
    }

    static List<ComponentStatusView> components(List<Server> servers, List<Outage> outages, Set<Long> inMaintenance,
                                                Instant now, ZoneId zone) {
        return components(servers, outages, inMaintenance, now, zone, null);
    }

    /**
     * {@code silence}: how long a monitored server may stay silent (the policy's); beyond, its own state is unknown
     * ("no data", worse than up) and the days since its last report are shown as unknown.
     */
    static List<ComponentStatusView> components(List<Server> servers, List<Outage> outages, Set<Long> inMaintenance,
                                                Instant now, ZoneId zone, Duration silence) {
        List<ComponentStatusView> views = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant windowStart = now.minus(Duration.ofDays(DAYS));
        for (Server server : servers) {
            List<Outage> mine = outages.stream().filter(o -> o.serverIds().contains(server.id())).toList();
            // Silent since: null while the server reports in time (or is not monitored at all).
            Instant silentSince = silence == null || !server.monitored() ? null
                    : server.lastReport() == null ? now.minus(silence)
                    : server.lastReport().plus(silence).isBefore(now) ? server.lastReport().plus(silence) : null;
            ServerState state = silentSince == null ? server.ownState() : ServerState.NO_DATA;
            for (Outage outage : mine) {
                if (outage.active()) {
                    state = worst(state, outage.impact().serverState());
                }
            }
            if (inMaintenance.contains(server.id())) {
                state = worst(state, ServerState.UNDER_MAINTENANCE);
            }
            List<ComponentStatusView.Day> days = new ArrayList<>(DAYS);
            for (int i = DAYS - 1; i >= 0; i--) {
                LocalDate day = today.minusDays(i);
                Instant from = day.atStartOfDay(zone).toInstant();
                Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
                if (server.since() != null && !server.since().isBefore(to)) {
                    days.add(ComponentStatusView.Day.notInService(day)); // the server did not exist yet
                    continue;
                }
                IncidentImpact worst = mine.stream().filter(o -> o.start().isBefore(to) && (o.end() == null || o.end().isAfter(from)))
                        .map(Outage::impact).max(Comparator.naturalOrder()).orElse(null);
                days.add(new ComponentStatusView.Day(day, worst, silentSince != null && silentSince.isBefore(to)));
            }
            // uptime over the time the server existed in the window, not over days it did not exist
            Instant counted = server.since() != null && server.since().isAfter(windowStart) ? server.since() : windowStart;
            double down = 0;
            for (Outage outage : mine) {
                Instant start = outage.start().isBefore(counted) ? counted : outage.start();
                Instant end = outage.end() == null || outage.end().isAfter(now) ? now : outage.end();
                if (end.isAfter(start)) {
                    down += Duration.between(start, end).toSeconds() * weight(outage.impact());
                }
            }
            double total = Math.max(0, Duration.between(counted, now).toSeconds());
            double uptime = total == 0 ? 100.0 : Math.max(0, 100.0 * (1 - Math.min(down, total) / total));
            views.add(new ComponentStatusView(server.id(), server.name(), server.dataCentreCode(), server.city(), server.role(),
                    state, List.copyOf(days), Math.floor(uptime * 100) / 100));
        }
        return views;
    }

    static ServerState overall(List<ComponentStatusView> components) {
        return components.stream().map(ComponentStatusView::state).reduce(ServerState.OPERATIONAL, StatusBoard::worst);
    }

    static ServerState worst(ServerState a, ServerState b) {
        return a.severity() >= b.severity() ? a : b;
    }

    static double weight(IncidentImpact impact) {
        return switch (impact) {
            case CRITICAL -> 1.0;
            case MAJOR -> 0.3;
            default -> 0.0;
        };
    }
}
