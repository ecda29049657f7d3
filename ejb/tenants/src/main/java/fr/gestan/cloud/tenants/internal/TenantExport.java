package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.ExportView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One self-service export: its progress, then the file it produced (under the server's data directory). */
@Entity
@Table(name = "tenant_export")
@NamedQuery(name = TenantExport.OF_TENANT, query = "select e from TenantExport e join fetch e.tenant where e.tenant = :tenant order by e.requestedAt desc, e.id desc")
@NamedQuery(name = TenantExport.EXPIRED, query = "select e from TenantExport e where e.expiresAt < :now or (" + TenantExport.RUNNING + " and e.requestedAt < :stale)")
@NamedQuery(name = TenantExport.STALE_RUNNING, query = "select e from TenantExport e where " + TenantExport.RUNNING + " and coalesce(e.heartbeatAt, e.requestedAt) < :stale")
@NamedQuery(name = TenantExport.BEAT, query = "update TenantExport e set e.heartbeatAt = :now where e.id in :ids and " + TenantExport.RUNNING)
@NamedQuery(name = TenantExport.FILES_OF_TENANT, query = "select e.fileName from TenantExport e where e.tenant = :tenant and e.fileName is not null")
public class TenantExport extends TenantRecord {

    static final String OF_TENANT = "TenantExport.ofTenant", EXPIRED = "TenantExport.expired",
            FILES_OF_TENANT = "TenantExport.filesOfTenant",
            STALE_RUNNING = "TenantExport.staleRunning", BEAT = "TenantExport.beat";
    /** The failed part of an export cut short by a server crash or stop (shown to the client as such). */
    static final String INTERRUPTED = "interrupted";
    /** The queries' one copy of "still running". */
    static final String RUNNING = "e.state = fr.gestan.cloud.tenants.api.ExportView.State.RUNNING";


    private String requestedBy;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private ExportView.State state;
    private int percent;
    private String fileName;
    private long sizeBytes;
    private String sha256;
    private Instant finishedAt;
    private Instant expiresAt;
    private String failure;
    private Instant heartbeatAt;

    protected TenantExport() {
        // for JPA
    }

    TenantExport(Tenant tenant, String requestedBy, Instant requestedAt) {
        super(tenant);
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = Objects.requireNonNull(requestedAt);
        this.state = ExportView.State.RUNNING;
        this.heartbeatAt = requestedAt;
    }

    void progress(int percent) {
        if (state == ExportView.State.RUNNING) {
            this.heartbeatAt = Instant.now();
            this.percent = Math.max(this.percent, Math.min(99, percent));
        }
    }

    void ready(String fileName, long sizeBytes, String sha256, Instant at, Instant expiresAt) {
        this.state = ExportView.State.READY;
        this.percent = 100;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.finishedAt = at;
        this.expiresAt = expiresAt;
    }

    void failed(Instant at, String part) {
        this.state = ExportView.State.FAILED;
        this.finishedAt = at;
        this.failure = part == null ? null : part.substring(0, Math.min(100, part.length()));
    }



    String fileName() {
        return fileName;
    }

    boolean downloadable(Instant now) {
        return state == ExportView.State.READY && expiresAt != null && expiresAt.isAfter(now);
    }

    ExportView toView() {
        return toView(tenant().siren());
    }

    /** The view, with the tenant's SIREN known to the caller (the tenant is then not read). */
    ExportView toView(String siren) {
        return new ExportView(id(), siren, requestedBy, requestedAt, state, percent, fileName == null ? null
                : "gestan-export-" + siren + "-" + id() + ".zip", sizeBytes, sha256, finishedAt, expiresAt, failure);
    }
}
