package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Verifies the whole log from the rows: every checkpoint's signature, order and agreement with the others; every
 * leaf recomputed from its entry (MAC and, for legacy entries, chain hash checked) and compared with the stored
 * tiles; the tree rebuilt and its root compared with every kept checkpoint; nothing left outside. Reports the first
 * problem, by leaf position or checkpoint. Plain JDBC (the benchmark runs it too).
 */
final class LogVerification {

    private static final int FETCH = 10_000;

    private final byte[] macKey;
    private final String origin;
    private final PublicKey key;

    LogVerification(byte[] macKey, String origin, PublicKey key) {
        this.macKey = macKey.clone();
        this.origin = origin;
        this.key = key;
    }

    interface Progress {
        void start(long total);

        void checked(long leaves);
    }

    private record Signed(long id, long size, byte[] root, List<String> extensions) {
    }

    private static Result fail(Problem problem, long position, long leaves, long checkpoints, String detail) {
        return new Result(false, leaves, checkpoints, problem, position, detail);
    }

    Result verify(Connection c, Progress progress) throws SQLException {
        currentTileIndex = -1;
        // Checkpoints first: each signs a state that committed before it, so the leaves read next cover them.
        List<LogCheckpointer.Stored> stored = LogCheckpointer.all(c);
        List<Signed> signed = new ArrayList<>();
        Map<Long, Signed> bySize = new HashMap<>();
        long largest = -1;
        Signed largestCheckpoint = null;
        for (LogCheckpointer.Stored s : stored) {
            MerkleLog.Checkpoint checkpoint;
            try {
                checkpoint = MerkleLog.open(s.note(), origin, key);
            } catch (MerkleLog.VerificationException e) {
                return fail(Problem.CHECKPOINT_FORGED, s.treeSize(), 0, 0, "checkpoint " + s.id() + ": " + e.getMessage());
            }
            if (checkpoint.size() != s.treeSize() || !JournalVerifier.hex(checkpoint.root()).equals(s.rootHex())) {
                return fail(Problem.CHECKPOINT_FORGED, s.treeSize(), 0, 0, "checkpoint " + s.id() + ": its columns differ from its signed note");
            }
            Signed one = new Signed(s.id(), checkpoint.size(), checkpoint.root(), checkpoint.extensions());
            Signed same = bySize.putIfAbsent(one.size(), one);
            if (same != null && !Arrays.equals(same.root(), one.root())) {
                return fail(Problem.CHECKPOINT_SPLIT_VIEW, one.size(), 0, 0, "checkpoints " + same.id() + " and " + one.id()
                        + " sign different roots for tree size " + one.size());
            }
            if (one.size() < largest) {
                return fail(Problem.CHECKPOINT_ROLLBACK, one.size(), 0, 0, "checkpoint " + one.id() + " signs tree size "
                        + one.size() + " after checkpoint " + largestCheckpoint.id() + " signed " + largest);
            }
            if (one.size() > largest) {
                largest = one.size();
                largestCheckpoint = one;
            }
            signed.add(one);
        }
        long treeSize;
        long floor;
        long legacyMaxId;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tree_size, floor_id, legacy_max_id from journal_log_state where id = 1")) {
            rs.next();
            treeSize = rs.getLong(1);
            floor = rs.getLong(2);
            legacyMaxId = rs.getLong(3);
        }
        progress.start(treeSize);
        List<Signed> bySizeOrder = new ArrayList<>(bySize.values());
        bySizeOrder.sort((a, b) -> Long.compare(a.size(), b.size()));
        int nextCheckpoint = 0;
        while (nextCheckpoint < bySizeOrder.size() && bySizeOrder.get(nextCheckpoint).size() == 0) {
            if (!Arrays.equals(bySizeOrder.get(nextCheckpoint).root(), MerkleLog.EMPTY_ROOT)) {
                return fail(Problem.CHECKPOINT_MISMATCH, 0, 0, signed.size(), "checkpoint " + bySizeOrder.get(nextCheckpoint).id() + " signs a non-empty root for an empty log");
            }
            nextCheckpoint++;
        }

        LogLeaves reader = new LogLeaves(macKey, legacyMaxId);
        MerkleLog.Frontier tree = new MerkleLog.Frontier();
        LogTiles tiles = new LogTiles(c);
        byte[] chainHead = JournalVerifier.GENESIS;
        long chainSeq = 0;
        long expected = 0;
        try (PreparedStatement q = c.prepareStatement("select l.position, l.authentic, l.entry_id, " + LogLeaves.COLUMNS
                + " from journal_leaf l left join journal_entry e on e.id = l.entry_id order by l.position")) {
            q.setFetchSize(FETCH);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    if (position != expected) {
                        return fail(Problem.LEAF_MISSING, expected, expected, signed.size(), "positions " + expected
                                + (position - 1 > expected ? " to " + (position - 1) : "") + " have no entry");
                    }
                    rs.getLong(4);
                    if (rs.wasNull()) {
                        return fail(Problem.ENTRY_MISSING, position, expected, signed.size(), "the entry at position " + position
                                + " (id " + rs.getLong(3) + ") is gone");
                    }
                    boolean flaggedAuthentic = rs.getBoolean(2);
                    LogLeaves.Leaf leaf = reader.read(rs, 4);
                    byte[] leafHash = MerkleLog.leafHash(leaf.data());
                    byte[] recorded = storedLeafHash(tiles, position);
                    if (recorded == null || !Arrays.equals(recorded, leafHash)) {
                        return fail(Problem.ENTRY_ALTERED, position, expected, signed.size(), "the entry at position " + position
                                + " (id " + leaf.entryId() + ") no longer gives the leaf hash the log recorded");
                    }
                    boolean authentic;
                    if (leaf.legacy()) {
                        authentic = true;
                        if (leaf.chainHash() != null) {
                            authentic = JournalVerifier.hex(JournalVerifier.link(chainHead, leaf.chainContent())).equals(leaf.chainHash());
                            chainHead = JournalVerifier.unhex(leaf.chainHash());
                            chainSeq++;
                        }
                    } else {
                        authentic = leaf.macValid() && leaf.entryId() > legacyMaxId;
                    }
                    if (!authentic) {
                        return fail(flaggedAuthentic ? Problem.ENTRY_ALTERED : Problem.ENTRY_NOT_AUTHENTIC, position, expected,
                                signed.size(), "the entry at position " + position + " (id " + leaf.entryId() + ") "
                                        + (leaf.legacy() ? "does not give its chain hash" : "does not carry a valid MAC")
                                        + (flaggedAuthentic ? "" : ": written around the application"));
                    }
                    tree.append(leafHash, null);
                    expected++;
                    while (nextCheckpoint < bySizeOrder.size() && bySizeOrder.get(nextCheckpoint).size() == expected) {
                        Signed checkpoint = bySizeOrder.get(nextCheckpoint++);
                        if (!Arrays.equals(tree.root(), checkpoint.root())) {
                            return fail(Problem.CHECKPOINT_MISMATCH, expected - 1, expected, signed.size(), "checkpoint "
                                    + checkpoint.id() + " signed another root for tree size " + checkpoint.size()
                                    + ": leaves before it were rewritten");
                        }
                        Result legacy = checkLegacyExtension(checkpoint, chainSeq, chainHead, expected, signed.size());
                        if (legacy != null) {
                            return legacy;
                        }
                    }
                    if (expected % 1000 == 0) {
                        progress.checked(expected);
                    }
                }
            }
        }
        progress.checked(expected);
        if (nextCheckpoint < bySizeOrder.size()) {
            Signed beyond = bySizeOrder.get(nextCheckpoint);
            return fail(Problem.CHECKPOINT_BEYOND_END, expected, expected, signed.size(), "checkpoint " + beyond.id()
                    + " covers tree size " + beyond.size() + " but the log ends at " + expected);
        }
        if (expected != treeSize) {
            return fail(expected < treeSize ? Problem.LEAF_MISSING : Problem.ENTRY_OUTSIDE_CHAIN, Math.min(expected, treeSize),
                    expected, signed.size(), "the log state records " + treeSize + " leaves, " + expected + " found");
        }
        try (PreparedStatement outside = c.prepareStatement("select min(e.id), count(*) from journal_entry e where e.id <= ? "
                + "and not exists (select 1 from journal_leaf l where l.entry_id = e.id)")) {
            outside.setLong(1, floor);
            try (ResultSet rs = outside.executeQuery()) {
                rs.next();
                if (rs.getLong(2) > 0) {
                    return fail(Problem.ENTRY_OUTSIDE_CHAIN, expected, expected, signed.size(), rs.getLong(2)
                            + " entries below the sequencer's floor have no log position (first id " + rs.getLong(1) + ")");
                }
            }
        }
        return new Result(true, expected, signed.size(), null, 0, "OK");
    }

    private static Result checkLegacyExtension(Signed checkpoint, long chainSeq, byte[] chainHead, long leaves, int checkpoints) {
        for (String line : checkpoint.extensions()) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals(LogCheckpointer.LEGACY_CHAIN_EXTENSION)
                    && (Long.parseLong(f[1]) != chainSeq || !Arrays.equals(Base64.getDecoder().decode(f[2]), chainHead))) {
                return fail(Problem.CHECKPOINT_MISMATCH, leaves - 1, leaves, checkpoints, "checkpoint " + checkpoint.id()
                        + " records the old chain's head at " + f[1] + "; the legacy entries end at " + chainSeq);
            }
        }
        return null;
    }

    private byte[] currentTile = new byte[0];
    private long currentTileIndex = -1;

    private byte[] storedLeafHash(LogTiles tiles, long position) throws SQLException {
        long index = position / MerkleLog.TILE_WIDTH;
        if (index != currentTileIndex) {
            currentTile = tiles.tile(0, index);
            currentTileIndex = index;
        }
        int offset = (int) (position % MerkleLog.TILE_WIDTH) * MerkleLog.HASH_SIZE;
        return currentTile.length < offset + MerkleLog.HASH_SIZE ? null : Arrays.copyOfRange(currentTile, offset, offset + MerkleLog.HASH_SIZE);
    }
}
