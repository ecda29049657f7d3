package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.VerificationProgress;
import fr.gestan.cloud.security.api.VerificationRunView;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Checkpoints, verification and export of the journal's transparency log. Verification and export stream rows with
 * plain JDBC (fetch size 10,000): a million entries take seconds, without loading entities.
 */
@ValidatesBusinessInterface
@Stateless
@Interceptors(TenantConfinement.class)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class JournalIntegrityBean extends JournaledService implements JournalIntegrity {

    private static final Logger LOG = Logger.getLogger(JournalIntegrityBean.class.getName());

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @EJB
    JournalLog log;

    @EJB
    VerificationRunStore runs;

    static CheckpointView view(LogCheckpointer.Stored stored) {
        if (stored == null) {
            return null;
        }
        String signature = stored.note().substring(stored.note().lastIndexOf(' ') + 1).trim();
        return new CheckpointView(stored.id(), stored.treeSize(), stored.rootHex(),
                Instant.EPOCH.plus(stored.createdAtMicros(), ChronoUnit.MICROS),
                signingKeyId(stored.note()), signature,
                stored.note());
    }

    /** The id (signed-note key hash, hex) of the key that signed a note: the first signature line's. */
    static String signingKeyId(String note) {
        try {
            return JournalVerifier.hex(MerkleLog.parseNote(note).signatures().get(0).keyHash());
        } catch (MerkleLog.VerificationException e) {
            return "?";
        }
    }

    @Override
    public Optional<CheckpointView> checkpointNow() {
        return Optional.ofNullable(view(log.checkpointNow(false)));
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR}) // the compliance facts reader runs as auditor
    public CheckpointView pinnedCheckpoint() {
        return view(log.pinnedCheckpoint());
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: the view's transaction when there is one (JournalLog.latest)
    public Optional<CheckpointView> latestCheckpoint() {
        return Optional.ofNullable(view(log.latest()));
    }

    @Override
    @PermitAll
    public String publicKeyPem() {
        return JournalVerifier.publicKeyPem(log.keySet().newest().key());
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String keySet() {
        return log.keySet().text();
    }

    @Override
    @Asynchronous
    public Future<Result> verifyInBackground(VerificationProgress progress) {
        return new AsyncResult<>(verify(progress));
    }

    @Override
    public Optional<VerificationRunView> lastVerification() {
        return runs.last();
    }

    /**
     * Verifies with the run stored from start to end (a heartbeat every few seconds while it runs, so that a server
     * stopping mid-way leaves a run that the sweep marks interrupted, not one "running" for ever).
     */
    @Override
    public Result verify(VerificationProgress progress) {
        long runId = runs.begin(actor());
        progress.listen(new Heartbeat(runId));
        Result result;
        try {
            result = log.verify(progress);
        } catch (RuntimeException e) {
            runs.failed(runId, "the journal could not be read");
            throw e;
        }
        progress.done(result);
        runs.completed(runId, result);
        try {
            // In its own transaction, and never in the way of the report.
            journal.recordIndependently(new JournalEvent("JOURNAL_VERIFIED", null,
                    result.ok() ? "log intact" : "broken at " + result.seq(),
                    result.ok() ? JournalEvent.Outcome.SUCCESS : JournalEvent.Outcome.FAILURE,
                    result.ok() ? null : result.problem() + ": " + result.detail()));
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Could not journal the verification: " + result, e);
        }
        return result;
    }

    @Override
    public void exportAll(Writer out) throws IOException {
        export(null, out);
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public void exportTenant(@TenantRef String tenantRef, Writer out) throws IOException {
        export(tenantRef, out);
    }

    /**
     * Signs a pinned checkpoint first (kept for ever), then writes the entries it covers (LogExport): all of them,
     * or one tenant's with their inclusion proofs and the consistency proof from its previous export.
     */
    private void export(String tenantRef, Writer out) throws IOException {
        LogCheckpointer.Stored signed = log.checkpointNow(true);
        try (Connection c = dataSource.getConnection()) {
            LogExport.write(c, signed, tenantRef, tenantRef == null ? null : LogExport.previous(c, tenantRef), out);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal", e);
        }
        long entry = journal.record(JournalEvent.success("JOURNAL_EXPORTED", tenantRef, tenantRef == null
                ? "whole journal at tree size " + signed.treeSize() : LogExport.TENANT_EXPORT_TARGET + signed.treeSize()));
        if (tenantRef != null && !caller.isCallerInRole(Roles.CLIENT)) {
            Notifications notifications = notifications();
            if (notifications != null) {
                notifications.publish(Notice.staffAccess(tenantRef, "JOURNAL_DOWNLOADED", "tree size " + signed.treeSize(), null, entry));
            }
        }
    }

    /**
     * The notification outbox, looked up when needed: the security module is deployed without the notifications
     * module in some integration tests (every module depends on security, not the reverse).
     */
    private Notifications notifications() {
        try {
            return (Notifications) caller.lookup(NOTIFICATIONS);
        } catch (IllegalArgumentException absent) {
            java.util.logging.Logger.getLogger(JournalIntegrityBean.class.getName())
                    .warning("No notifications module deployed: staff download of a tenant's journal not notified");
            return null;
        }
    }

    static final String NOTIFICATIONS = "java:app/gestan-notifications/NotificationsBean!" + "fr.gestan.cloud.common.notify.Notifications";

    /** Stores the run's progress at most every {@link VerificationRunStore#BEAT}. */
    private final class Heartbeat implements VerificationProgress.Listener {
        private final long runId;
        private long lastBeat = System.nanoTime();

        Heartbeat(long runId) {
            this.runId = runId;
        }

        @Override
        public void checked(long entries, long total) {
            long now = System.nanoTime();
            if (now - lastBeat >= VerificationRunStore.BEAT.toNanos()) {
                lastBeat = now;
                runs.progressed(runId, entries, total);
            }
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
