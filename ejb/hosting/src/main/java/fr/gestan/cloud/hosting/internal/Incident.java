package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.HostingRefusedException.Reason;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.IncidentView;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An incident on the status page; its steps only go forward, each with a public timestamped update. */
@Entity
@jakarta.persistence.EntityListeners(StatusBoardCache.Listener.class) // the public status board is computed from it
@Table(name = "status_incident")
@NamedQuery(name = Incident.SINCE, query = Incident.WITH_SERVERS + " where " + Incident.OPEN_SINCE + Incident.NEWEST_FIRST)
@NamedQuery(name = Incident.OF_SERVER_SINCE, query = "select i.impact, i.startedAt, i.resolvedAt from Incident i join i.servers s"
        + " where s.id = :server and (" + Incident.OPEN_SINCE + ")")
@NamedQuery(name = Incident.BETWEEN, query = "select i from Incident i where i.startedAt >= :from and i.startedAt < :to" + Incident.NEWEST_FIRST)
@NamedQuery(name = Incident.LATEST, query = "select i from Incident i" + Incident.NEWEST_FIRST)
@NamedQuery(name = Incident.ACTIVE, query = Incident.WITH_SERVERS + " where i.resolvedAt is null" + Incident.NEWEST_FIRST)
public class Incident extends GeneratedId {

    static final String SINCE = "Incident.since", BETWEEN = "Incident.between", LATEST = "Incident.latest",
            ACTIVE = "Incident.active";
    /** One server's incidents open or resolved since a time: impact, start and end (its availability's outages). */
    static final String OF_SERVER_SINCE = "Incident.ofServerSince";
    /** An incident still open or resolved since a time. */
    static final String OPEN_SINCE = "i.resolvedAt is null or i.resolvedAt >= :since";
    static final String WITH_SERVERS = "select distinct i from Incident i left join fetch i.servers";
    static final String NEWEST_FIRST = " order by i.startedAt desc";

    private String title;
    @Enumerated(EnumType.STRING)
    private IncidentImpact impact;
    @Enumerated(EnumType.STRING)
    private IncidentState state;
    private Instant startedAt;
    private Instant resolvedAt;
    private String createdBy;
    @Version
    private long version;
    @ManyToMany
    @JoinTable(name = "status_incident_server", joinColumns = @JoinColumn(name = "incident_id"),
            inverseJoinColumns = @JoinColumn(name = "server_id"))
    private Set<HostingServer> servers = new HashSet<>();
    @OneToMany(mappedBy = "incident", cascade = CascadeType.PERSIST)
    @OrderBy("postedAt, id")
    private List<IncidentUpdate> updates = new ArrayList<>();

    protected Incident() {
    }

    Incident(String title, IncidentImpact impact, String message, Set<HostingServer> affected, String author, Instant now) {
        this.title = Checks.required(title, "title");
        if (impact == null || affected == null || affected.isEmpty()) {
            throw new IllegalArgumentException("impact and affected servers are required");
        }
        this.impact = impact;
        this.state = IncidentState.INVESTIGATING;
        this.startedAt = now;
        this.createdBy = Checks.required(author, "author");
        this.servers.addAll(affected);
        updates.add(new IncidentUpdate(this, IncidentState.INVESTIGATING, message, author, now));
    }

    /** Moves forward (or stays at the same step with news); never backward, nothing after resolved. */
    void update(IncidentState next, String message, String author, Instant now) {
        if (state == IncidentState.RESOLVED || next.ordinal() < state.ordinal()) {
            throw new HostingRefusedException(Reason.ILLEGAL_STATUS, state + " → " + next);
        }
        state = next;
        if (next == IncidentState.RESOLVED) {
            resolvedAt = now;
        }
        updates.add(new IncidentUpdate(this, next, message, author, now));
    }

    /** For demo data: an incident in the past. */
    void backdate(Instant startedAt) {
        this.startedAt = startedAt;
        updates.get(0).backdate(startedAt);
    }

    IncidentImpact impact() {
        return impact;
    }

    IncidentState state() {
        return state;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Set<HostingServer> servers() {
        return servers;
    }

    IncidentView toView() {
        return new IncidentView(id(), title, impact, state, startedAt, resolvedAt,
                servers.stream().map(HostingServer::name).sorted().toList(),
                updates.stream().sorted(Comparator.comparing(IncidentUpdate::postedAt).reversed())
                        .map(IncidentUpdate::toView).toList());
    }
}
