package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.AgentEventView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One event reported by an agent or a sub-processor, with the verdict it gave its control. Never changed. */
@Entity
@Table(name = "agent_event")
@NamedQuery(name = AgentEventRecord.TIMES_OF, query = "select e.occurredAt from AgentEventRecord e where e.server.id = :server"
        + " and e.occurredAt >= :from and e.occurredAt < :to")
@NamedQuery(name = AgentEventRecord.EXISTS, query = "select count(e) from AgentEventRecord e where e.reporter = :reporter and e.eventId = :eventId")
@NamedQuery(name = AgentEventRecord.OF_SERVER, query = AgentEventRecord.WITH_SERVER + " where e.server.id = :server" + AgentEventRecord.NEWEST_FIRST)
@NamedQuery(name = AgentEventRecord.OF_SERVER_NAMED, query = AgentEventRecord.WITH_SERVER + " where e.server.name = :name" + AgentEventRecord.NEWEST_FIRST)
@NamedQuery(name = AgentEventRecord.SNAPSHOTS_BETWEEN, query = "select e.eventId from AgentEventRecord e where e.server.id = :server"
        + " and e.kind = 'snapshot' and e.occurredAt >= :from and e.occurredAt <= :to" + AgentEventRecord.NEWEST_FIRST)
public class AgentEventRecord extends GeneratedId {

    static final String TIMES_OF = "AgentEventRecord.timesOf", EXISTS = "AgentEventRecord.exists",
            OF_SERVER = "AgentEventRecord.ofServer", OF_SERVER_NAMED = "AgentEventRecord.ofServerNamed",
            SNAPSHOTS_BETWEEN = "AgentEventRecord.snapshotsBetween";
    static final String WITH_SERVER = "select e from AgentEventRecord e join fetch e.server";
    /** The order the events are listed in: the newest first. */
    static final String NEWEST_FIRST = " order by e.occurredAt desc, e.id desc";

    @Column(updatable = false)
    private String reporter;
    @Column(updatable = false)
    private String eventId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(updatable = false)
    private HostingServer server;
    @Column(updatable = false)
    private String kind;
    @Column(updatable = false)
    private Instant occurredAt;
    @Column(updatable = false)
    private Instant receivedAt;
    @Column(updatable = false)
    private String details;
    @Column(updatable = false)
    private String verdict;
    @Column(updatable = false)
    private String reason;

    protected AgentEventRecord() {
        // for JPA
    }

    AgentEventRecord(String reporter, AgentRules.Checked event, HostingServer server, Instant receivedAt, String verdict, String reason) {
        this.reporter = Objects.requireNonNull(reporter);
        this.eventId = event.id();
        this.server = Objects.requireNonNull(server);
        this.kind = event.kind().code();
        this.occurredAt = event.at();
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.details = event.details();
        this.verdict = Objects.requireNonNull(verdict);
        this.reason = reason;
    }

    AgentEventView toView() {
        return new AgentEventView(id(), reporter, eventId, server.name(), kind, occurredAt, receivedAt, details, verdict, reason);
    }
}
