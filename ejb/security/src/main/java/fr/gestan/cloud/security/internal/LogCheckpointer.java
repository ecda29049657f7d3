package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Signs the log's state as C2SP checkpoints (signed notes, Ed25519, the journal's signing key) into
 * {@code journal_log_checkpoint}, and thins old ones. Plain JDBC, in the caller's connection (and transaction, when
 * it has one; else each signature commits its own). Checkpoints always sign the committed state row, which only
 * grows, and the row stays locked from its read to the checkpoint's insert: a checkpoint can never land after one
 * of a larger tree, whichever node or thread signs (two signers reading the state, then inserting in the other
 * order, made the verification report a healthy log as rolled back).
 */
final class LogCheckpointer {

    static final long HOUR_US = 3_600_000_000L;
    static final long DAY_US = 24 * HOUR_US;
    /** Extension line of the first checkpoint after migration: the old hash chain's last position and head. */
    static final String LEGACY_CHAIN_EXTENSION = "gestan-legacy-chain-head";

    /** Which key signs a checkpoint, read in the signing connection after the state row. */
    @FunctionalInterface
    interface SigningKey {
        KeyPair in(Connection c) throws SQLException;
    }

    private final String origin;
    private final SigningKey keys;
    private final LongSupplier clock;

    /** Signs with one fixed key. */
    LogCheckpointer(String origin, PrivateKey privateKey, PublicKey publicKey, LongSupplier clock) {
        this(origin, c -> new KeyPair(publicKey, privateKey), clock);
    }

    /** Signs with the key {@code keys} names at each checkpoint (after a rotation, the new one: {@link CheckpointKeys}). */
    LogCheckpointer(String origin, SigningKey keys, LongSupplier clock) {
        this.origin = origin;
        this.keys = keys;
        this.clock = clock;
    }

    record Stored(long id, long treeSize, String rootHex, long createdAtMicros, String note, boolean pinned) {
    }

    static Stored latest(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, tree_size, root_hash, created_at_us, "
                + "note, pinned from journal_log_checkpoint order by id desc fetch first 1 rows only")) {
            return rs.next() ? new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getBoolean(6)) : null;
        }
    }

    static List<Stored> all(Connection c) throws SQLException {
        List<Stored> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, tree_size, root_hash, created_at_us, "
                + "note, pinned from journal_log_checkpoint order by id")) {
            while (rs.next()) {
                all.add(new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getBoolean(6)));
            }
        }
        return all;
    }

    /**
     * Signs the state when the log grew since the newest checkpoint and that checkpoint is at least
     * {@code minIntervalMs} old; with {@code pinned} (an export, a certificate) signs in any case and keeps it for ever.
     */
    Stored sign(Connection c, long minIntervalMs, boolean pinned) throws SQLException {
        if (!c.getAutoCommit()) {
            return signLocked(c, minIntervalMs, pinned);
        }
        c.setAutoCommit(false);
        try {
            Stored stored = signLocked(c, minIntervalMs, pinned);
            c.commit();
            return stored;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private Stored signLocked(Connection c, long minIntervalMs, boolean pinned) throws SQLException {
        long size;
        String root;
        // for update: the sequencer's batches (which update this row) and the other signers wait until this one's
        // checkpoint is in, so that checkpoints are inserted in the order of the states they sign
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select tree_size, root_hash from journal_log_state where id = 1 for update")) {
            rs.next();
            size = rs.getLong(1);
            root = rs.getString(2);
        }
        Stored last = latest(c);
        long nowUs = clock.getAsLong() * 1000;
        if (!pinned && last != null && (last.treeSize() >= size || nowUs - last.createdAtMicros() < minIntervalMs * 1000)) {
            return last;
        }
        if (!pinned && last == null && size == 0) {
            return null;
        }
        List<String> extensions = new ArrayList<>();
        if (last == null) {
            legacyHead(c).ifPresent(extensions::add);
        }
        KeyPair key = keys.in(c); // read after the state row: see CheckpointKeys
        String note = MerkleLog.sign(new MerkleLog.Checkpoint(origin, size, JournalVerifier.unhex(root), extensions).body(),
                origin, key.getPrivate(), key.getPublic());
        try (PreparedStatement insert = c.prepareStatement("insert into journal_log_checkpoint (tree_size, root_hash, "
                + "created_at_us, note, pinned) values (?, ?, ?, ?, ?)", new String[] {"id"})) {
            insert.setLong(1, size);
            insert.setString(2, root);
            insert.setLong(3, nowUs);
            insert.setString(4, note);
            insert.setBoolean(5, pinned || last == null);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Stored(keys.getLong(1), size, root, nowUs, note, pinned || last == null);
            }
        }
    }

    /**
     * Keeps a checkpoint for ever (it is embedded in a certificate): false if it is gone already (thinned meanwhile).
     */
    static boolean pin(Connection c, long id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update journal_log_checkpoint set pinned = true where id = ?")) {
            update.setLong(1, id);
            return update.executeUpdate() == 1;
        }
    }

    /** The old chain's head, when the log starts with legacy entries. */
    private static java.util.Optional<String> legacyHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select seq, head_hash from journal_head where id = 1")) {
            if (rs.next() && rs.getLong(1) > 0) {
                return java.util.Optional.of(LEGACY_CHAIN_EXTENSION + " " + rs.getLong(1) + " "
                        + Base64.getEncoder().encodeToString(JournalVerifier.unhex(rs.getString(2))));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Retention: every checkpoint of the last 24 hours, then the first of each hour, plus pinned ones (the first
     * checkpoint, and those embedded in exports and certificates). Returns how many were deleted.
     */
    static int prune(Connection c, long nowMs) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from journal_log_checkpoint where pinned = false "
                + "and created_at_us < ? and exists (select 1 from journal_log_checkpoint o where o.created_at_us / "
                + HOUR_US + " = journal_log_checkpoint.created_at_us / " + HOUR_US + " and o.id < journal_log_checkpoint.id)")) {
            delete.setLong(1, nowMs * 1000 - DAY_US);
            return delete.executeUpdate();
        }
    }

    String origin() {
        return origin;
    }
}
