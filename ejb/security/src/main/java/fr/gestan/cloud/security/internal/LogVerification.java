package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies the whole log from the rows: every checkpoint's signature, order and agreement with the others; every
 * leaf recomputed from its entry (MAC and, for legacy entries, chain hash checked) and compared with the stored
 * tiles; the tree rebuilt and its root compared with every kept checkpoint; nothing left outside. Reports the first
 * problem, by leaf position or checkpoint. Plain JDBC (the benchmark runs it too).
 */
final class LogVerification {

    private static final int FETCH = 10_000;

    private final JournalMacKey macKey;
    private final String origin;
    private final MerkleLog.KeySet keys;
    /** Positions read per chunk ({@link CopyVerification#CHUNK}; smaller in tests, to run the path of logs of several chunks). */
    private int chunkSize = CopyVerification.CHUNK;

    LogVerification(byte[] macKey, String origin, PublicKey key) {
        this(JournalMacKey.single(macKey), origin, MerkleLog.KeySet.of(origin, key));
    }

    /** Checks each checkpoint with the key its signature names, in that key's period (after key rotations). */
    LogVerification(JournalMacKey macKey, String origin, MerkleLog.KeySet keys) {
        this.macKey = macKey;
        this.origin = origin;
        this.keys = keys;
    }

    /** Reads the log in chunks of this many positions (a whole number of tiles) instead of {@link CopyVerification#CHUNK}: for tests. */
    LogVerification inChunksOf(int positions) {
        if (positions <= 0 || positions % MerkleLog.TILE_WIDTH != 0) {
            throw new IllegalArgumentException("chunks of whole tiles: " + positions);
        }
        this.chunkSize = positions;
        return this;
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

    /**
     * Verifies in one read-only snapshot (REPEATABLE READ): the checkpoints, the state and the leaves are read as of
     * one moment, whatever the live sequencer commits meanwhile (read committed, the leaves read last could hold more
     * than the state read first). Opens its connections from {@code connections} and closes them: one, and on
     * PostgreSQL a second one that imports the first one's snapshot and reads the leaves while the first streams the
     * entries (see {@link CopyVerification}).
     */
    Result verify(LogSequencer.Connections connections, Progress progress) throws SQLException {
        try (Connection c = connections.open(); ReadOnlySnapshot snapshot = ReadOnlySnapshot.begin(c)) {
            return verifyInSnapshot(c, connections, progress);
        }
    }

    /**
     * A read-only REPEATABLE READ transaction on a connection, ended (rolled back) by {@link #close()}, which restores
     * the connection's settings (a pooled connection goes back as it came).
     */
    static final class ReadOnlySnapshot implements AutoCloseable {

        private final Connection c;
        private final boolean autoCommit;
        private final int isolation;
        private final boolean readOnly;

        private ReadOnlySnapshot(Connection c) throws SQLException {
            this.c = c;
            this.autoCommit = c.getAutoCommit();
            this.isolation = c.getTransactionIsolation();
            this.readOnly = c.isReadOnly();
        }

        static ReadOnlySnapshot begin(Connection c) throws SQLException {
            ReadOnlySnapshot s = new ReadOnlySnapshot(c);
            if (!s.autoCommit) {
                c.commit();
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            return s;
        }

        @Override
        public void close() throws SQLException {
            c.rollback();
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private Result verifyInSnapshot(Connection c, LogSequencer.Connections connections, Progress progress) throws SQLException {
        // Checkpoints first: each signs a state that committed before it, so the leaves read next cover them.
        List<LogCheckpointer.Stored> stored = LogCheckpointer.all(c);
        // Their signatures (the JDK's Ed25519: a millisecond or more each, many more before it is compiled) are checked
        // on a thread of their own while the leaves are read and hashed; a forged one is still the problem reported,
        // before any other that a checkpoint at or after it, or a leaf, shows.
        // On PostgreSQL the second connection opens meanwhile (a fork and an authentication when not pooled), once this
        // one's snapshot is taken by the query above.
        try (Signatures signatures = Signatures.check(keys, origin, stored);
             CopyVerification.Second second = CopyVerification.usable(c) ? CopyVerification.Second.open(connections) : null) {
            return verifyContents(c, second, progress, stored, signatures);
        }
    }

    /**
     * The checks of {@link #verifyInSnapshot} but the checkpoints' signatures: their contents read without verifying
     * (the same as verified when the signature holds), and a problem at the {@code i}-th checkpoint reported only if
     * no signature up to it fails.
     */
    private Result verifyContents(Connection c, CopyVerification.Second second, Progress progress,
                                  List<LogCheckpointer.Stored> stored, Signatures signatures) throws SQLException {
        List<Signed> signed = new ArrayList<>();
        Map<Long, Signed> bySize = new HashMap<>();
        long largest = -1;
        Signed largestCheckpoint = null;
        for (int i = 0; i < stored.size(); i++) {
            LogCheckpointer.Stored s = stored.get(i);
            MerkleLog.Checkpoint checkpoint;
            try {
                checkpoint = MerkleLog.Checkpoint.parse(MerkleLog.parseNote(s.note()).text());
            } catch (MerkleLog.VerificationException e) {
                // opening it fails too, for the same or an earlier reason: that signature check is the problem reported
                return signatures.before(i, fail(Problem.CHECKPOINT_FORGED, s.treeSize(), 0, 0, "checkpoint " + s.id() + ": " + e.getMessage()));
            }
            if (checkpoint.size() != s.treeSize() || !JournalVerifier.hex(checkpoint.root()).equals(s.rootHex())) {
                return signatures.before(i, fail(Problem.CHECKPOINT_FORGED, s.treeSize(), 0, 0, "checkpoint " + s.id() + ": its columns differ from its signed note"));
            }
            Signed one = new Signed(s.id(), checkpoint.size(), checkpoint.root(), checkpoint.extensions());
            Signed same = bySize.putIfAbsent(one.size(), one);
            if (same != null && !Arrays.equals(same.root(), one.root())) {
                return signatures.before(i, fail(Problem.CHECKPOINT_SPLIT_VIEW, one.size(), 0, 0, "checkpoints " + same.id() + " and " + one.id()
                        + " sign different roots for tree size " + one.size()));
            }
            if (one.size() < largest) {
                return signatures.before(i, fail(Problem.CHECKPOINT_ROLLBACK, one.size(), 0, 0, "checkpoint " + one.id() + " signs tree size "
                        + one.size() + " after checkpoint " + largestCheckpoint.id() + " signed " + largest));
            }
            if (one.size() > largest) {
                largest = one.size();
                largestCheckpoint = one;
            }
            signed.add(one);
        }
        return signatures.before(Integer.MAX_VALUE, verifyLeaves(c, second, progress, signed, bySize));
    }

    /** The leaves, the tree and the checkpoints' roots, once the checkpoints' contents are sound. */
    private Result verifyLeaves(Connection c, CopyVerification.Second second, Progress progress, List<Signed> signed,
                                Map<Long, Signed> bySize) throws SQLException {
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

        Walk walk = new Walk(bySizeOrder, nextCheckpoint, signed.size(), legacyMaxId, floor);
        Result stopped;
        if (second != null) {
            stopped = new CopyVerification(macKey, walk, chunkSize, progress).verify(c, second, treeSize);
        } else {
            stopped = verifyByResultSet(c, walk, progress);
        }
        if (stopped != null) {
            return stopped;
        }
        long expected = walk.expected;
        nextCheckpoint = walk.nextCheckpoint;
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
        // Every leaf was read and each names its own entry (entry_id is unique): the entries up to the floor all have a
        // position when there are as many of them as leaves naming one. Counting is cheap; the anti-join that names
        // the first one without a position (a scan of both tables) runs only when the counts differ.
        // When the COPY read the whole entry table in this snapshot it counted them too (the query is a scan of its
        // own, a quarter of a second at a million entries).
        long upToFloor = walk.entriesUpToFloor;
        if (upToFloor < 0) {
            try (PreparedStatement count = c.prepareStatement("select count(*) from journal_entry where id <= ?")) {
                count.setLong(1, floor);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    upToFloor = rs.getLong(1);
                }
            }
        }
        if (upToFloor == walk.leavesUpToFloor) {
            return new Result(true, expected, signed.size(), null, 0, "OK");
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

    private static final String LEAF_QUERY = "select l.position, l.authentic, l.entry_id, " + LogLeaves.COLUMNS
            + " from journal_leaf l left join journal_entry e on e.id = l.entry_id";

    /** The ResultSet path (H2, or a PostgreSQL connection whose driver classes are not visible). */
    private Result verifyByResultSet(Connection c, Walk walk, Progress progress) throws SQLException {
        LogLeaves reader = new LogLeaves(macKey, walk.legacyMaxId);
        LogTiles tiles = new LogTiles(c);
        byte[] tile = new byte[0];
        long tileIndex = -1;
        try (PreparedStatement q = c.prepareStatement(LEAF_QUERY + " order by l.position")) {
            q.setFetchSize(FETCH);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    rs.getLong(4);
                    boolean missing = rs.wasNull();
                    Result r = walk.position(position, missing, rs.getLong(3));
                    if (r != null) {
                        return r;
                    }
                    boolean flaggedAuthentic = rs.getBoolean(2);
                    LogLeaves.Leaf leaf = reader.read(rs, 4);
                    byte[] leafHash = MerkleLog.leafHash(leaf.data());
                    long index = position / MerkleLog.TILE_WIDTH;
                    if (index != tileIndex) {
                        tile = tiles.tile(0, index);
                        tileIndex = index;
                    }
                    r = walk.leaf(position, leaf.entryId(), flaggedAuthentic, leafHash, 0, tile,
                            (int) (position % MerkleLog.TILE_WIDTH) * MerkleLog.HASH_SIZE, leaf.legacy(), leaf.macValid(),
                            leaf.chainContent(), leaf.chainHash());
                    if (r != null) {
                        return r;
                    }
                    if (walk.expected % 1000 == 0) {
                        progress.checked(walk.expected);
                    }
                }
            }
        }
        return null;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The checkpoints' signatures, checked in their order on a thread of their own (each distinct note once: the same
     * state signed again gives the same note), up to the first that fails to open with the key set.
     */
    static final class Signatures implements AutoCloseable {

        private record Forged(int index, Result result) {
        }

        private CompletableFuture<Forged> first = CompletableFuture.completedFuture(null);
        private volatile boolean closed;

        private Signatures() {
        }

        static Signatures check(MerkleLog.KeySet keys, String origin, List<LogCheckpointer.Stored> stored) {
            Signatures signatures = new Signatures();
            if (!stored.isEmpty()) {
                signatures.first = CopyVerification.onThread("journal-verification-signatures", () -> signatures.firstForged(keys, origin, stored));
            }
            return signatures;
        }

        private Forged firstForged(MerkleLog.KeySet keys, String origin, List<LogCheckpointer.Stored> stored) {
            Set<String> opened = new HashSet<>();
            for (int i = 0; i < stored.size() && !closed; i++) {
                LogCheckpointer.Stored s = stored.get(i);
                if (opened.contains(s.note())) {
                    continue;
                }
                try {
                    keys.open(s.note(), origin);
                } catch (MerkleLog.VerificationException e) {
                    return new Forged(i, fail(Problem.CHECKPOINT_FORGED, s.treeSize(), 0, 0, "checkpoint " + s.id() + ": " + e.getMessage()));
                }
                opened.add(s.note());
            }
            return null;
        }

        /** {@code otherwise}, unless the signature of a checkpoint at index {@code index} or before fails. */
        Result before(int index, Result otherwise) throws SQLException {
            Forged forged = CopyVerification.await(first);
            return forged != null && forged.index() <= index ? forged.result() : otherwise;
        }

        /** Stops the checks when the verification ends without waiting for them (an exception). */
        @Override
        public void close() {
            closed = true;
        }
    }

    // ------------------------------------------------------------------ the checks, in position order

    /** The sequential state of a verification: next position, legacy chain, tree, next checkpoint. */
    static final class Walk {

        private final List<Signed> checkpoints;
        private final int signedCount;
        final long legacyMaxId;
        int nextCheckpoint;
        long expected;
        private byte[] chainHead = JournalVerifier.GENESIS;
        private long chainSeq;
        private final Tree tree = new Tree();

        final long floor;
        /** Leaves (all checked) whose entry id is at most the sequencer's floor. */
        long leavesUpToFloor;
        /** Entries whose id is at most the floor, when a read of the whole table counted them; else -1. */
        long entriesUpToFloor = -1;

        Walk(List<Signed> checkpoints, int nextCheckpoint, int signedCount, long legacyMaxId, long floor) {
            this.floor = floor;
            this.checkpoints = checkpoints;
            this.nextCheckpoint = nextCheckpoint;
            this.signedCount = signedCount;
            this.legacyMaxId = legacyMaxId;
        }

        Result position(long position, boolean entryMissing, long leafEntryId) {
            if (position != expected) {
                return fail(Problem.LEAF_MISSING, expected, expected, signedCount, "positions " + expected
                        + (position - 1 > expected ? " to " + (position - 1) : "") + " have no entry");
            }
            if (entryMissing) {
                return fail(Problem.ENTRY_MISSING, position, expected, signedCount, "the entry at position " + position
                        + " (id " + leafEntryId + ") is gone");
            }
            return null;
        }

        /**
         * The leaf hash recomputed from the entry is at {@code hashes[hashAt]}; {@code tile} holds the recorded one at
         * {@code offset} (null or too short: not recorded).
         */
        Result leaf(long position, long entryId, boolean flaggedAuthentic, byte[] hashes, int hashAt, byte[] tile, int offset,
                    boolean legacy, boolean macValid, byte[] chainContent, String chainHash) {
            if (tile == null || tile.length < offset + MerkleLog.HASH_SIZE
                    || !Arrays.equals(tile, offset, offset + MerkleLog.HASH_SIZE, hashes, hashAt, hashAt + MerkleLog.HASH_SIZE)) {
                return fail(Problem.ENTRY_ALTERED, position, expected, signedCount, "the entry at position " + position
                        + " (id " + entryId + ") no longer gives the leaf hash the log recorded");
            }
            boolean authentic;
            if (legacy) {
                authentic = true;
                if (chainHash != null) {
                    authentic = JournalVerifier.hex(JournalVerifier.link(chainHead, chainContent)).equals(chainHash);
                    chainHead = JournalVerifier.unhex(chainHash);
                    chainSeq++;
                }
            } else {
                authentic = macValid && entryId > legacyMaxId;
            }
            if (!authentic) {
                return fail(flaggedAuthentic ? Problem.ENTRY_ALTERED : Problem.ENTRY_NOT_AUTHENTIC, position, expected,
                        signedCount, "the entry at position " + position + " (id " + entryId + ") "
                                + (legacy ? "does not give its chain hash" : "does not carry a valid MAC")
                                + (flaggedAuthentic ? "" : ": written around the application"));
            }
            tree.append(hashes, hashAt);
            expected++;
            if (entryId <= floor) {
                leavesUpToFloor++;
            }
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).size() == expected) {
                Signed checkpoint = checkpoints.get(nextCheckpoint++);
                if (!Arrays.equals(tree.root(), checkpoint.root())) {
                    return fail(Problem.CHECKPOINT_MISMATCH, expected - 1, expected, signedCount, "checkpoint "
                            + checkpoint.id() + " signed another root for tree size " + checkpoint.size()
                            + ": leaves before it were rewritten");
                }
                Result legacyCheck = checkLegacyExtension(checkpoint, chainSeq, chainHead, expected, signedCount);
                if (legacyCheck != null) {
                    return legacyCheck;
                }
            }
            return null;
        }
    }

    /**
     * The right border of the tree being rebuilt (as {@link MerkleLog.Frontier}), in fixed arrays; each node hashed
     * by a copy of a digest never used itself, not a reset one (see {@link CopiedEntryLeaf}).
     */
    static final class Tree {

        /** Never updated: each node starts from a copy. */
        private final MessageDigest digest = sha256Digest();
        /** {@code 0x01 || left || right}, hashed with one {@code update}. */
        private final byte[] pair = new byte[1 + 2 * MerkleLog.HASH_SIZE];
        private final byte[][] border = new byte[64][MerkleLog.HASH_SIZE];
        private final byte[] hash = new byte[MerkleLog.HASH_SIZE];
        private int count;
        private long size;

        void append(byte[] leafHash, int at) {
            System.arraycopy(leafHash, at, hash, 0, MerkleLog.HASH_SIZE);
            for (long s = size; (s & 1) == 1; s >>= 1) {
                node(border[--count], hash, hash);
            }
            System.arraycopy(hash, 0, border[count++], 0, MerkleLog.HASH_SIZE);
            size++;
        }

        byte[] root() {
            if (count == 0) {
                return MerkleLog.EMPTY_ROOT.clone();
            }
            byte[] root = border[count - 1].clone();
            for (int i = count - 2; i >= 0; i--) {
                node(border[i], root, root);
            }
            return root;
        }

        private void node(byte[] left, byte[] right, byte[] out) {
            pair[0] = 0x01;
            System.arraycopy(left, 0, pair, 1, MerkleLog.HASH_SIZE);
            System.arraycopy(right, 0, pair, 1 + MerkleLog.HASH_SIZE, MerkleLog.HASH_SIZE);
            try {
                MessageDigest node = (MessageDigest) digest.clone();
                node.update(pair);
                node.digest(out, 0, MerkleLog.HASH_SIZE);
            } catch (CloneNotSupportedException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
