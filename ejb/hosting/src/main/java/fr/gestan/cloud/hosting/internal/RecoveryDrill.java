package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.DrillView;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A recorded recovery drill: the step durations measured on a server on a given day. */
@Entity
@jakarta.persistence.EntityListeners(WorstCaseCache.Listener.class) // the recovery plan's worst case (/trust) is computed from it
@Table(name = "recovery_drill")
@NamedQuery(name = RecoveryDrill.OF_SERVER, query = "select d from RecoveryDrill d join fetch d.server where d.server.id = :server"
        + " order by d.drilledOn desc, d.id desc")
@NamedQuery(name = RecoveryDrill.LATEST, query = "select d from RecoveryDrill d join fetch d.server order by d.drilledOn desc, d.id desc")
// a server's drills and the latest of any server, which refines a plan when the server has none (the recovery page)
@NamedQuery(name = RecoveryDrill.OF_SERVER_OR_LATEST, query = "select d from RecoveryDrill d join fetch d.server where d.server.id = :server"
        + " or d.id = (select max(l.id) from RecoveryDrill l where l.drilledOn = (select max(m.drilledOn) from RecoveryDrill m))"
        + " order by d.drilledOn desc, d.id desc") // strict JPA: no order by or limit in a subquery
public class RecoveryDrill extends ServerRecord {

    static final String OF_SERVER = "RecoveryDrill.ofServer", LATEST = "RecoveryDrill.latest",
            OF_SERVER_OR_LATEST = "RecoveryDrill.ofServerOrLatest";

    private LocalDate drilledOn;
    private String performedBy;
    private Integer newServerMinutes;
    private Integer remountMinutes;
    private Integer perTenantMinutes;
    private Integer throughputGbPerHour;
    private String notes;
    private Instant recordedAt;

    protected RecoveryDrill() {
    }

    RecoveryDrill(HostingServer server, LocalDate drilledOn, String performedBy, Integer newServerMinutes, Integer remountMinutes,
                  Integer perTenantMinutes, Integer throughputGbPerHour, String notes, Instant now) {
        super(checked(server, drilledOn, now));
        this.drilledOn = drilledOn;
        this.performedBy = Checks.required(performedBy, "performed by");
        this.newServerMinutes = newServerMinutes;
        this.remountMinutes = remountMinutes;
        this.perTenantMinutes = perTenantMinutes;
        this.throughputGbPerHour = throughputGbPerHour;
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.recordedAt = now;
    }

    private static HostingServer checked(HostingServer server, LocalDate drilledOn, Instant now) {
        if (server == null || drilledOn == null) {
            throw new IllegalArgumentException("server and date are required");
        }
        if (drilledOn.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1))) {
            throw new IllegalArgumentException("a drill cannot be in the future");
        }
        return server;
    }

    /** Refines the settings with what this drill measured. */
    RecoveryTimeline.Figures refine(RecoverySettings settings) {
        return new RecoveryTimeline.Figures(
                figure(newServerMinutes, settings.newServerMinutes()),
                figure(remountMinutes, settings.remountMinutes()),
                figure(perTenantMinutes, settings.perTenantMinutes()),
                figure(throughputGbPerHour, settings.throughputGbPerHour()));
    }

    private RecoveryTimeline.Figure figure(Integer measured, int setting) {
        return measured == null ? RecoveryTimeline.Figure.setting(setting) : RecoveryTimeline.Figure.drill(measured, drilledOn);
    }

    DrillView toView() {
        return new DrillView(id(), server().name(), drilledOn, performedBy, newServerMinutes, remountMinutes, perTenantMinutes,
                throughputGbPerHour, notes);
    }

}
