package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.ExportView;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The export rows, each change in its own short transaction so that the page sees the progress while the worker
 * runs. Internal: the public checks are in {@link DataExportsBean}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExportStore {

    /** Hours a finished export stays downloadable (system property). */
    static final String HOURS_PROPERTY = "gestan.tenants.export-hours";

    @PersistenceContext(unitName = "tenants")
    EntityManager em;

    @EJB
    AccessJournal journal;

    public record Snapshot(TenantRecord tenant, List<HostedAccountView> accounts, List<ChangeRequestView> changeRequests) {
    }

    /**
     * A new running export and its journal entry ({@code EXPORT_STARTED}), committed together when this returns (one
     * commit for the request, not one for the row and one for the entry): the background worker always finds the
     * row. As created. The tenant is not read: the caller knows its id and SIREN (the client's from its link, read once
     * per request; staff's from the tenant they chose), and the row only needs its key.
     */
    public ExportView create(long tenantId, String siren, String requestedBy) {
        TenantExport export = new TenantExport(em.getReference(Tenant.class, tenantId), requestedBy, Instant.now());
        em.persist(export);
        em.flush();
        journal.record(JournalEvent.success("EXPORT_STARTED", siren, "export " + export.id()));
        return export.toView(siren);
    }

    public Snapshot snapshot(long exportId) {
        Tenant tenant = em.find(TenantExport.class, exportId).tenant();
        return new Snapshot(tenant.toRecord(),
                em.createNamedQuery(HostedAccount.OF_TENANT, HostedAccount.class).setParameter("tenant", tenant)
                        .getResultList().stream().map(HostedAccount::toView).toList(),
                em.createNamedQuery(ChangeRequest.OF_TENANT, ChangeRequest.class).setParameter("tenant", tenant)
                        .getResultList().stream().map(ChangeRequest::toView).toList());
    }

    public void progress(long exportId, int percent) {
        em.find(TenantExport.class, exportId).progress(percent);
    }

    public void ready(long exportId, String fileName, long size, String sha256) {
        Instant now = Instant.now();
        em.find(TenantExport.class, exportId).ready(fileName, size, sha256, now,
                now.plus(Duration.ofHours(Math.max(1, Integer.getInteger(HOURS_PROPERTY, 24)))));
    }

    /** Marks the export failed; {@code part} names what failed (a file of this module or a contributor's folder). */
    public void failed(long exportId, String part) {
        em.find(TenantExport.class, exportId).failed(Instant.now(), part);
    }

    /** Refreshes the heartbeat of the exports this server is building right now. */
    public void beat(java.util.Collection<Long> running) {
        if (!running.isEmpty()) {
            em.createNamedQuery(TenantExport.BEAT).setParameter("now", Instant.now()).setParameter("ids", running).executeUpdate();
        }
    }

    /**
     * Marks failed ("interrupted") the exports still RUNNING whose heartbeat stopped before {@code stale}: their
     * worker died with its server. Returns their ids (their part files are to be removed).
     */
    public List<Long> failInterrupted(Instant stale) {
        List<TenantExport> dead = em.createNamedQuery(TenantExport.STALE_RUNNING, TenantExport.class)
                .setParameter("stale", stale).setMaxResults(500).getResultList();
        Instant now = Instant.now();
        dead.forEach(e -> e.failed(now, TenantExport.INTERRUPTED));
        return dead.stream().map(TenantExport::id).toList();
    }

    /** Removes expired exports (and exports stuck running for a day); returns the files to delete. */
    public List<String> removeExpired() {
        Instant now = Instant.now();
        List<TenantExport> expired = em.createNamedQuery(TenantExport.EXPIRED, TenantExport.class).setParameter("now", now)
                .setParameter("stale", now.minus(Duration.ofDays(1))).setMaxResults(500).getResultList();
        // A ready export has its ZIP; one stuck running (a server stopped mid-way) may have left its part file.
        List<String> files = expired.stream().map(e -> e.fileName() != null ? e.fileName() : partName(e.id())).toList();
        expired.forEach(em::remove);
        return files;
    }

    /** The file an export is written to until it is complete (then renamed to its random name). */
    static String partName(long exportId) {
        return exportId + ".part";
    }

    /**
     * Where the ZIPs are written and read: {@code gestan.exports.dir} / {@code GESTAN_EXPORTS_DIR}, else
     * {@code <data dir>/gestan/exports}. With several nodes it must be one folder that every node mounts (a shared
     * volume): the node that serves a download, or that removes an expired export, is often not the one that wrote it.
     */
    static Path directory() {
        return fr.gestan.cloud.common.keys.KeyFiles.path("gestan.exports.dir", "GESTAN_EXPORTS_DIR", "exports");
    }

    /**
     * Creates (or empties) an export file readable by the server's account only (0600, in a 0700 folder), like the
     * keys beside it: a ZIP holds a client's whole data. Set at creation, so that it is never readable by others
     * even for a moment (the process umask gave 0644). Where the file system has no POSIX permissions, as is.
     */
    static void createOwnerOnly(Path file) throws java.io.IOException {
        java.nio.file.Path dir = file.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                java.nio.file.Files.createDirectories(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            // An export folder created before this change may still be 0755.
            java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } else {
            java.nio.file.Files.createDirectories(dir);
        }
    }
}
