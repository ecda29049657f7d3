package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint keys' periods, in {@code journal_checkpoint_key} (plain JDBC, the caller's connection): each row
 * names a key (its signed-note key hash) and the tree size from which it signs; a key signs up to the next key's first
 * size. The newest row is the key that signs now. A rotation inserts the new key's row with the tree size of the
 * state row it locks, so the sequencer cannot grow the log meanwhile: the signer reads the state, then the newest key,
 * and a checkpoint the old key signs after the rotation is never larger than the new key's first size.
 */
final class CheckpointKeys {

    /** One row: key id, verifier key string, first tree size, when it was made active (µs since the epoch). */
    record Row(String id, String verifierKey, long firstSize, long activatedAtUs) {
    }

    private CheckpointKeys() {
    }

    static List<Row> all(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select key_hash, verifier_key, first_size, "
                + "activated_at_us from journal_checkpoint_key order by first_size, activated_at_us")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return rows;
    }

    /** The id of the key that signs now; null before any key is recorded. */
    static String signingId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select key_hash from journal_checkpoint_key "
                + "order by first_size desc, activated_at_us desc fetch first 1 rows only")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Records {@code key} as the key of every tree size from 0 when no key is recorded yet (the first start after the
     * migration: every checkpoint so far was signed by the single key there was). Several nodes may try at once.
     */
    static void register(Connection c, JournalKeys.Member key, long nowUs) throws SQLException {
        if (signingId(c) != null) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into journal_checkpoint_key (key_hash, verifier_key, "
                + "first_size, activated_at_us) values (?, ?, 0, ?)")) {
            insert.setString(1, key.id());
            insert.setString(2, MerkleLog.verifierKey(JournalLog.origin(), key.publicKey()));
            insert.setLong(3, nowUs);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (signingId(c) == null) {
                throw e; // not another node's registration of the same key
            }
        }
    }

    /**
     * Makes {@code key} the signing key from the log's current tree size, the state row locked until the caller's
     * transaction ends. Returns that tree size.
     */
    static long rotate(Connection c, JournalKeys.Member key, long nowUs) throws SQLException {
        long size;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select tree_size from journal_log_state where id = 1 for update")) {
            rs.next();
            size = rs.getLong(1);
        }
        try (PreparedStatement insert = c.prepareStatement("insert into journal_checkpoint_key (key_hash, verifier_key, "
                + "first_size, activated_at_us) values (?, ?, ?, ?)")) {
            insert.setString(1, key.id());
            insert.setString(2, MerkleLog.verifierKey(JournalLog.origin(), key.publicKey()));
            insert.setLong(3, size);
            insert.setLong(4, nowUs);
            insert.executeUpdate();
        }
        return size;
    }

    /** The published key set: each key with the sizes it signs (up to the next key's first size) and its dates. */
    static MerkleLog.KeySet keySet(List<Row> rows) {
        if (rows.isEmpty()) {
            // No key recorded yet (the moment between a log rebuilt from scratch and its first checkpoint).
            return MerkleLog.KeySet.of(JournalLog.origin(), JournalKeys.current().active().publicKey());
        }
        List<MerkleLog.PublishedKey> keys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Row next = i + 1 < rows.size() ? rows.get(i + 1) : null;
            try {
                var parsed = MerkleLog.parseVerifierKey(row.verifierKey());
                keys.add(new MerkleLog.PublishedKey(parsed.getKey(), MerkleLog.keyHash(parsed.getKey(), parsed.getValue()),
                        parsed.getValue(), row.firstSize(), next == null ? -1 : next.firstSize(), instant(row.activatedAtUs()),
                        next == null ? null : instant(next.activatedAtUs())));
            } catch (MerkleLog.VerificationException e) {
                throw new IllegalStateException("the recorded journal checkpoint key " + row.id() + " is unreadable", e);
            }
        }
        return new MerkleLog.KeySet(keys);
    }

    private static String instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The rows whose key is in the ring (same id, same public key): a row inserted in the database by someone without
     * access to the keys folder publishes nothing and verifies nothing. Nodes share the keys folder.
     */
    static List<Row> inRing(List<Row> rows, JournalKeys ring) {
        List<Row> kept = new ArrayList<>();
        for (Row row : rows) {
            JournalKeys.Member member = ring.member(row.id());
            if (member == null) {
                member = JournalKeys.reload().member(row.id());
                ring = JournalKeys.current();
            }
            if (member != null && MerkleLog.verifierKey(JournalLog.origin(), member.publicKey()).equals(row.verifierKey())) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** The key pair that signs now: the newest recorded key, read from the ring (again if this node has not seen it). */
    static KeyPair signing(Connection c) throws SQLException {
        String id = signingId(c);
        if (id == null) {
            // No key recorded (a log rebuilt from scratch): the ring's active key signs from tree size 0.
            JournalKeys.Member active = JournalKeys.current().active();
            register(c, active, System.currentTimeMillis() * 1000);
            id = signingId(c);
            if (id == null) {
                return active.pair();
            }
        }
        JournalKeys.Member member = JournalKeys.current().member(id);
        if (member == null) {
            member = JournalKeys.reload().member(id);
        }
        if (member == null) {
            throw new IllegalStateException("the journal checkpoint key " + id + " recorded in the database is not in the key ring "
                    + JournalKeys.ring().folder() + " (share the keys folder between nodes)");
        }
        return member.pair();
    }
}
