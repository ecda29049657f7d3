package fr.gestan.cloud.security.internal;

import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Checkpoint;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.VerificationProgress;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.executable.ValidateOnExecution;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Verification and export stream the journal with plain JDBC in chain order (fetch size 10,000): a million
 * entries take seconds, without loading entities.
 */
@ValidateOnExecution
@Stateless
@Local(JournalIntegrity.class)
@Interceptors(TenantConfinement.class)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class JournalIntegrityBean implements JournalIntegrity {

    private static final Logger LOG = Logger.getLogger(JournalIntegrityBean.class.getName());

    static final String COLUMNS = "seq, occurred_at, actor, actor_role, tenant_ref, action, target, source_ip, outcome, reason, entry_hash";
    private static final int FETCH = 10_000;

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @EJB
    JournalCheckpoints checkpoints;

    @EJB
    AccessJournal journal;


    @Override
    public Optional<CheckpointView> checkpointNow() {
        return checkpoints.create().map(JournalCheckpoint::toView);
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public Optional<CheckpointView> latestCheckpoint() {
        return checkpoints.latest().map(JournalCheckpoint::toView);
    }

    @Override
    @PermitAll
    public String publicKeyPem() {
        return JournalKeys.current().publicKeyPem();
    }

    @Override
    @Asynchronous
    public Future<Result> verifyInBackground(VerificationProgress progress) {
        return new AsyncResult<>(verify(progress));
    }

    @Override
    public Result verify(VerificationProgress progress) {
        try (Connection connection = dataSource.getConnection()) {
            Result result = walk(connection, progress);
            progress.done(result);
            try {
                // In its own transaction, and never in the way of the report: a row forged at the next position
                // makes every append fail (unique position), which is exactly what verification must still report.
                journal.recordIndependently(new JournalEvent("JOURNAL_VERIFIED", null,
                        result.ok() ? "chain intact" : "broken at " + result.seq(),
                        result.ok() ? JournalEvent.Outcome.SUCCESS : JournalEvent.Outcome.FAILURE,
                        result.ok() ? null : result.problem() + ": " + result.detail()));
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Could not journal the verification: " + result, e);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal", e);
        }
    }

    private Result walk(Connection connection, VerificationProgress progress) throws SQLException {
        // Checkpoints first: every checkpoint read signs entries that committed before it.
        List<Checkpoint> signed = em.createNamedQuery(JournalCheckpoint.IN_ORDER, JournalCheckpoint.class)
                .getResultStream().map(JournalCheckpoint::toCheckpoint).toList();
        JournalVerifier.Walk walk = new JournalVerifier.Walk(JournalKeys.current().publicKey(), signed);
        if (walk.broken() != null) {
            return walk.broken();
        }
        long headSeq;
        long legacyMaxId;
        try (PreparedStatement head = connection.prepareStatement("select seq, legacy_max_id from journal_head where id = 1");
             ResultSet rs = head.executeQuery()) {
            rs.next();
            headSeq = rs.getLong(1);
            legacyMaxId = rs.getLong(2);
        }
        progress.start(headSeq);
        // One statement, so one snapshot: the entries and the head the application recorded with them.
        try (PreparedStatement entries = connection.prepareStatement("select "
                + Arrays.stream(COLUMNS.split(", ")).map(c -> "e." + c).collect(Collectors.joining(", "))
                + ", h.seq as head_seq from journal_entry e cross join journal_head h where e.seq is not null order by e.seq")) {
            entries.setFetchSize(FETCH);
            try (ResultSet rs = entries.executeQuery()) {
                long recordedHead = headSeq;
                while (rs.next()) {
                    recordedHead = rs.getLong(12);
                    Result problem = walk.entry(rs.getLong(1), content(rs), JournalVerifier.unhex(rs.getString(11)));
                    if (problem != null) {
                        return problem;
                    }
                    if (walk.entriesChecked() % 1000 == 0) {
                        progress.checked(walk.entriesChecked());
                    }
                }
                progress.checked(walk.entriesChecked());
                Result end = walk.finish(recordedHead);
                if (!end.ok()) {
                    return end;
                }
            }
        }
        try (PreparedStatement outside = connection.prepareStatement(
                "select min(id), count(*) from journal_entry where seq is null and id > ?")) {
            outside.setLong(1, legacyMaxId);
            try (ResultSet rs = outside.executeQuery()) {
                rs.next();
                if (rs.getLong(2) > 0) {
                    return new Result(false, walk.entriesChecked(), signed.size(), Problem.ENTRY_OUTSIDE_CHAIN, 0,
                            rs.getLong(2) + " entries have no chain position (first row id " + rs.getLong(1) + ")");
                }
            }
        }
        return walk.finish(-1);
    }

    static byte[] content(ResultSet rs) throws SQLException {
        return JournalVerifier.entryContent(rs.getLong(1), micros(rs), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    private static long micros(ResultSet rs) throws SQLException {
        return JournalEntry.micros(rs.getObject(2, OffsetDateTime.class).toInstant());
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

    private void export(String tenantRef, Writer out) throws IOException {
        // Sign the current head first (own transaction), so the whole export is covered by a checkpoint.
        checkpoints.create();
        List<Checkpoint> signed = em.createNamedQuery(JournalCheckpoint.IN_ORDER, JournalCheckpoint.class)
                .getResultStream().map(JournalCheckpoint::toCheckpoint).toList();
        long end = signed.isEmpty() ? 0 : signed.get(signed.size() - 1).seq();
        JournalVerifier.Export.header(out);
        for (Checkpoint c : signed) {
            JournalVerifier.Export.checkpoint(out, c);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (tenantRef == null) {
                writeRange(connection, 0, end, null, out);
            } else {
                for (long[] range : ranges(connection, tenantRef, signed, end)) {
                    if (range[0] > 0) {
                        Checkpoint anchor = signed.stream().filter(c -> c.seq() == range[0]).findFirst().orElseThrow();
                        JournalVerifier.Export.jump(out, anchor.seq(), anchor.headHash());
                    }
                    writeRange(connection, range[0], range[1], tenantRef, out);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal", e);
        }
        journal.record(JournalEvent.success("JOURNAL_EXPORTED", tenantRef, tenantRef == null ? "whole journal" : "tenant journal"));
    }

    /** The stretches (checkpoint, checkpoint] of the chain that hold the tenant's entries, merged. */
    private static List<long[]> ranges(Connection connection, String tenantRef, List<Checkpoint> signed, long end)
            throws SQLException {
        long[] bounds = signed.stream().mapToLong(Checkpoint::seq).distinct().toArray();
        List<long[]> ranges = new ArrayList<>();
        try (PreparedStatement seqs = connection.prepareStatement(
                "select seq from journal_entry where tenant_ref = ? and seq is not null and seq <= ? order by seq")) {
            seqs.setString(1, tenantRef);
            seqs.setLong(2, end);
            seqs.setFetchSize(FETCH);
            try (ResultSet rs = seqs.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (!ranges.isEmpty() && seq <= ranges.get(ranges.size() - 1)[1]) {
                        continue;
                    }
                    int i = java.util.Arrays.binarySearch(bounds, seq);
                    int after = i >= 0 ? i : -i - 1; // first checkpoint at or after seq
                    long from = after == 0 ? 0 : bounds[after - 1];
                    long to = bounds[after];
                    if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == from) {
                        ranges.get(ranges.size() - 1)[1] = to;
                    } else {
                        ranges.add(new long[] {from, to});
                    }
                }
            }
        }
        return ranges;
    }

    private static void writeRange(Connection connection, long after, long upTo, String tenantRef, Writer out)
            throws SQLException, IOException {
        try (PreparedStatement entries = connection.prepareStatement(
                "select " + COLUMNS + " from journal_entry where seq > ? and seq <= ? order by seq")) {
            entries.setLong(1, after);
            entries.setLong(2, upTo);
            entries.setFetchSize(FETCH);
            try (ResultSet rs = entries.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    byte[] hash = JournalVerifier.unhex(rs.getString(11));
                    if (tenantRef == null || tenantRef.equals(rs.getString(5))) {
                        JournalVerifier.Export.entry(out, seq, micros(rs), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), hash);
                    } else {
                        JournalVerifier.Export.redacted(out, seq, content(rs), hash);
                    }
                }
            }
        }
    }
}
