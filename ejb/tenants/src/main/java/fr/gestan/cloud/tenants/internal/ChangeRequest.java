package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.ChangeRequestView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A client's request to change its company record, handled by staff. */
@Entity
@Table(name = "tenant_change_request")
@jakarta.persistence.EntityListeners(PendingCountsCache.Listener.class) // the dashboard's open count (PendingCountsCache)
@NamedQuery(name = ChangeRequest.OPEN, query = ChangeRequest.WITH_TENANT + " where r.closedAt is null" + ChangeRequest.OLDEST_FIRST)
@NamedQuery(name = ChangeRequest.OPEN_COUNT, query = "select count(r) from ChangeRequest r where r.closedAt is null")
@NamedQuery(name = ChangeRequest.OF_TENANT, query = ChangeRequest.WITH_TENANT + " where r.tenant = :tenant order by r.requestedAt desc, r.id desc")
@NamedQuery(name = ChangeRequest.QUEUE, query = ChangeRequest.WITH_TENANT + " where " + ChangeRequest.IN_QUEUE + ChangeRequest.OLDEST_FIRST)
@NamedQuery(name = ChangeRequest.QUEUE_COUNT, query = "select count(r) from ChangeRequest r where " + ChangeRequest.IN_QUEUE)
public class ChangeRequest extends TenantRecord {

    static final String OPEN = "ChangeRequest.open", OPEN_COUNT = "ChangeRequest.openCount",
            OF_TENANT = "ChangeRequest.ofTenant",
            QUEUE = "ChangeRequest.queue", QUEUE_COUNT = "ChangeRequest.queueCount";
    /** The queue's filter, one copy for its page and its count: the requests of one status (ALL, NEW, IN_PROGRESS, OPEN, CLOSED). */
    static final String IN_QUEUE = "(:status = 'ALL'"
            + " or (:status = 'NEW' and r.closedAt is null and r.assignee is null) or (:status = 'IN_PROGRESS' and r.closedAt is null and r.assignee is not null)"
            + " or (:status = 'OPEN' and r.closedAt is null) or (:status = 'CLOSED' and r.closedAt is not null))";
    static final String WITH_TENANT = "select r from ChangeRequest r join fetch r.tenant";
    /** The queue's order: the oldest request first. */
    static final String OLDEST_FIRST = " order by r.requestedAt, r.id";


    private String requestedBy;
    private Instant requestedAt;
    @Column(name = "request_text")
    private String text;
    private String closedBy;
    private Instant closedAt;
    private String resolution;
    private String assignee;
    private Instant assignedAt;
    @Version
    private long version;

    protected ChangeRequest() {
        // for JPA
    }

    public ChangeRequest(Tenant tenant, String requestedBy, Instant requestedAt, String text) {
        super(tenant);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the request text is required");
        }
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = Objects.requireNonNull(requestedAt);
        this.text = text.strip();
    }

    public void close(String by, Instant at, String resolution) {
        if (closedAt != null) {
            throw new IllegalStateException("already closed");
        }
        this.closedBy = Objects.requireNonNull(by);
        this.closedAt = Objects.requireNonNull(at);
        this.resolution = resolution.strip();
    }

    /**
     * {@code by} takes the request: it must be open and not held by someone else (taking one's own again is a
     * no-op). Returns false when nothing changed.
     */
    public boolean take(String by, Instant at) {
        if (closedAt != null || (assignee != null && !assignee.equals(by))) {
            throw new IllegalStateException(closedAt != null ? "closed" : "taken by " + assignee);
        }
        if (by.equals(assignee)) {
            return false;
        }
        this.assignee = Objects.requireNonNull(by);
        this.assignedAt = Objects.requireNonNull(at);
        return true;
    }

    public String assignee() {
        return assignee;
    }

    public boolean closed() {
        return closedAt != null;
    }

    public ChangeRequestView toView() {
        return new ChangeRequestView(id(), tenant().siren(), tenant().legalName(), requestedBy, requestedAt, text, closedAt == null,
                closedBy, closedAt, resolution, assignee, assignedAt);
    }
}
