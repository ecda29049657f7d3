package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.security.api.ConsistencyProofView;
import fr.gestan.cloud.security.api.InclusionProofView;
import fr.gestan.cloud.security.api.IssuingEntryProof;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.LogSizeException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import fr.gestan.cloud.security.api.JournalVerifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Proofs and tiles read from the log's side tables (O(log n) tile rows per proof). */
@ValidatesBusinessInterface
@Stateless
@PermitAll
public class JournalProofsBean implements JournalProofs {

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Resource
    SessionContext callerContext;

    @Inject
    Instance<CallerTenancy> tenancy;

    @EJB
    JournalLog log;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads of JournalLog: the caller's transaction when there is one
    public Optional<String> checkpoint() {
        return Optional.ofNullable(log.latest()).map(LogCheckpointer.Stored::note);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads of JournalLog: the caller's transaction when there is one
    public String verifierKey() {
        MerkleLog.PublishedKey newest = log.keySet().newest();
        return MerkleLog.verifierKey(newest.name(), newest.key());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads of JournalLog: the caller's transaction when there is one
    public String keySet() {
        return log.keySet().text();
    }

    @Override
    public Optional<byte[]> tile(int level, long index, int width) {
        LogCheckpointer.Stored latest = log.latest();
        if (latest == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(new LogTiles(c).tileForSize(level, index, width, latest.treeSize()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal tiles", e);
        }
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public Optional<InclusionProofView> inclusion(long entryId) {
        JournalEntry entry = em.find(JournalEntry.class, entryId);
        if (entry == null) {
            return Optional.empty();
        }
        // A client may prove its own company's entries only (another tenant's entry is "not found" to it).
        if (!TenantConfinement.allows(tenancy, callerContext, entry.tenantRef())) {
            return Optional.empty();
        }
        LogCheckpointer.Stored latest = log.latest();
        try (Connection c = dataSource.getConnection()) {
            OptionalLong position = LogProofs.position(c, entryId);
            if (latest == null || position.isEmpty() || position.getAsLong() >= latest.treeSize()) {
                return Optional.empty();
            }
            byte[] leaf = entry.leafData();
            List<String> proof = LogProofs.inclusion(c, position.getAsLong(), latest.treeSize()).stream()
                    .map(Base64.getEncoder()::encodeToString).toList();
            return Optional.of(new InclusionProofView(entryId, position.getAsLong(), latest.treeSize(),
                    Base64.getEncoder().encodeToString(leaf), Base64.getEncoder().encodeToString(MerkleLog.leafHash(leaf)),
                    proof, latest.note()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal tiles", e);
        }
    }

    /** The text the issuing entry's reason starts with, followed by the PDF's SHA-256 (hex). */
    public static final String PDF_SHA256_REASON = "pdf sha256 ";

    /**
     * The issuing entry's id, through the index on the target ({@code journal_entry_target_ix}, V23): without it the
     * whole journal was scanned at each /verify (115 ms at 610,000 entries; docs/performance.md 4.8).
     */
    public static final String ISSUING_ENTRY = "select max(id) from journal_entry where target = ?"
            + " and action in ('CERTIFICATE_ISSUED', 'CERTIFICATE_REISSUED')";

    /**
     * The issuing entry ({@link #ISSUING_ENTRY}): the columns its leaf is made of, its reason and its log position, in
     * one statement (it was three: the id, the entry, its position; docs/performance.md 4.37); no row when there is no
     * such entry or it is not sequenced yet. Read as plain columns, not as the entity: mapping the native query's
     * result to {@link JournalEntry} was set up again at each execution, ~40 % of the look-up (docs/performance.md 4.76).
     */
    public static final String ISSUING_ENTRY_AND_POSITION = "select e.seq, e.occurred_at, e.actor, e.actor_role, e.tenant_ref,"
            + " e.action, e.target, e.source_ip, e.outcome, e.reason, e.mac, l.position from journal_entry e"
            + " join journal_leaf l on l.entry_id = e.id where e.id = (" + ISSUING_ENTRY + ")";

    /** What a certificate's proof needs of its issuing entry: its leaf as the entry reads now, its reason, its position. */
    record IssuingLeaf(byte[] leafData, String reason, long position) {
    }

    /** The issuing entry of a certificate ({@link #ISSUING_ENTRY_AND_POSITION}), if any and sequenced. */
    static Optional<IssuingLeaf> issuingLeaf(Connection c, String number) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(ISSUING_ENTRY_AND_POSITION)) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long seqValue = rs.getLong(1);
                Long seq = rs.wasNull() ? null : seqValue;
                long at = JournalEntry.micros(rs.getObject(2, OffsetDateTime.class).toInstant());
                String actor = rs.getString(3);
                String role = rs.getString(4);
                String tenant = rs.getString(5);
                String action = rs.getString(6);
                String target = rs.getString(7);
                String ip = rs.getString(8);
                String outcome = rs.getString(9);
                String reason = rs.getString(10);
                String mac = rs.getString(11);
                // the same choice of encoding as JournalEntry.leafData
                byte[] leaf = mac != null ? JournalVerifier.entryV2Leaf(at, actor, role, tenant, action, target, ip, outcome, reason, mac)
                        : JournalVerifier.entryV1Leaf(seq, at, actor, role, tenant, action, target, ip, outcome, reason);
                return Optional.of(new IssuingLeaf(leaf, reason, rs.getLong(12)));
            }
        }
    }

    /**
     * The newest checkpoint as opened with the published key set, kept at most {@value #OPENED_MILLIS} ms on this node:
     * opening it verifies its Ed25519 signature, which JDK 17 does in pure Java, and that verification was most of a
     * /verify view's cost (docs/performance.md 4.15). An entry that the kept checkpoint does not include yet is proved in
     * the newest one, opened at once; the entry's leaf and its audit path are read and checked at every view.
     */
    static final long OPENED_MILLIS = 5_000;
    private static final NodeMemo<Opened> OPENED = new NodeMemo<>(OPENED_MILLIS);

    /** A stored checkpoint and its signed root, null when its signature does not verify with the key set. */
    private record Opened(LogCheckpointer.Stored stored, byte[] root) {
    }

    private Opened openNewest() {
        return openNewest(log);
    }

    private static Opened openNewest(JournalLog log) {
        LogCheckpointer.Stored latest = log.latest();
        if (latest == null) {
            return null;
        }
        try {
            return new Opened(latest, log.keySet().open(latest.note(), JournalLog.origin()).root());
        } catch (MerkleLog.VerificationException e) {
            return new Opened(latest, null);
        }
    }

    @Override
    public Optional<IssuingEntryProof> certificateIssue(String number) {
        try (Connection c = dataSource.getConnection()) {
            IssuingLeaf entry = issuingLeaf(c, number).orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            long position = entry.position();
            Opened opened = OPENED.get(this::openNewest);
            if (opened != null && position >= opened.stored().treeSize()) {
                opened = openNewest(); // sequenced after the kept checkpoint
            }
            if (opened == null || position >= opened.stored().treeSize()) {
                return Optional.empty();
            }
            return Optional.of(proofOf(number, entry, opened, LogProofs.inclusion(c, position, opened.stored().treeSize())));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal", e);
        }
    }

    private static IssuingEntryProof proofOf(String number, IssuingLeaf entry, Opened opened, List<byte[]> proof) {
        long position = entry.position();
        LogCheckpointer.Stored latest = opened.stored();
        // The leaf as the entry reads now: an entry edited since it was sequenced no longer leads to the root.
        byte[] leafHash = MerkleLog.leafHash(entry.leafData());
        boolean valid = opened.root() != null;
        if (valid) {
            try {
                MerkleLog.verifyInclusion(position, latest.treeSize(), leafHash, proof, opened.root());
            } catch (MerkleLog.VerificationException e) {
                valid = false;
            }
        }
        String reason = entry.reason();
        String recorded = reason != null && reason.startsWith(PDF_SHA256_REASON)
                ? reason.substring(PDF_SHA256_REASON.length()).split("[;\\s]", 2)[0] : null;
        return new IssuingEntryProof(number, position, latest.treeSize(),
                Base64.getEncoder().encodeToString(leafHash), proof.stream().map(Base64.getEncoder()::encodeToString).toList(),
                latest.note(), valid, recorded);
    }

    /**
     * Opens the newest checkpoint ahead of the requests (a timer's call, {@link NodeMemo#ahead}): the /verify view that
     * found the kept one {@value #OPENED_MILLIS} ms old opened it itself, Ed25519 verification and key set included
     * (docs/performance.md 4.23, 4.37). Nothing when no request asked for a proof in the last minute.
     */
    static void openAhead(JournalLog log) {
        NodeMemo.ahead(() -> OPENED.get(() -> openNewest(log)));
    }

    @Override
    public ConsistencyProofView consistency(long first, long second) {
        LogCheckpointer.Stored latest = log.latest();
        long signed = latest == null ? 0 : latest.treeSize();
        if (first > second || second > signed) {
            throw new LogSizeException(first, second, signed);
        }
        try (Connection c = dataSource.getConnection()) {
            return new ConsistencyProofView(first, second, LogProofs.consistency(c, first, second).stream()
                    .map(Base64.getEncoder()::encodeToString).toList(), latest.note());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal tiles", e);
        }
    }
}
