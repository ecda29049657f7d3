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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;

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
    /** Positions read per chunk ({@link #CHUNK}; smaller in tests, to run the path of logs of several chunks). */
    private int chunkSize = CHUNK;

    LogVerification(byte[] macKey, String origin, PublicKey key) {
        this(JournalMacKey.single(macKey), origin, MerkleLog.KeySet.of(origin, key));
    }

    /** Checks each checkpoint with the key its signature names, in that key's period (after key rotations). */
    LogVerification(JournalMacKey macKey, String origin, MerkleLog.KeySet keys) {
        this.macKey = macKey;
        this.origin = origin;
        this.keys = keys;
    }

    /** Reads the log in chunks of this many positions (a whole number of tiles) instead of {@link #CHUNK}: for tests. */
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
     * than the state read first). The connection's settings are restored after.
     */
    Result verify(Connection c, Progress progress) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        if (!autoCommit) {
            c.commit();
        }
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return verifyInSnapshot(c, progress);
        } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private Result verifyInSnapshot(Connection c, Progress progress) throws SQLException {
        // Checkpoints first: each signs a state that committed before it, so the leaves read next cover them.
        List<LogCheckpointer.Stored> stored = LogCheckpointer.all(c);
        List<Signed> signed = new ArrayList<>();
        Map<Long, Signed> bySize = new HashMap<>();
        long largest = -1;
        Signed largestCheckpoint = null;
        for (LogCheckpointer.Stored s : stored) {
            MerkleLog.Checkpoint checkpoint;
            try {
                checkpoint = keys.open(s.note(), origin);
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

        Walk walk = new Walk(bySizeOrder, nextCheckpoint, signed.size(), legacyMaxId, floor);
        Result stopped = null;
        boolean copied = false;
        if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            Result[] out = new Result[1];
            copied = verifyByCopy(c, walk, treeSize, progress, out);
            stopped = out[0];
        }
        if (!copied) {
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
                    r = walk.leaf(position, leaf.entryId(), flaggedAuthentic, leafHash, tile,
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

    // ------------------------------------------------------------------ PostgreSQL: two COPYs without a join

    /**
     * Positions per chunk: the chunk's leaves (position, entry, flag: 17 bytes each), their leaf hashes (32 bytes)
     * and level-0 tiles (32 bytes) are held in memory, about 90 MB for a chunk.
     */
    private static final int CHUNK = MerkleLog.TILE_WIDTH * 4096;
    private static final int BATCH = 1024;
    private static final String ENTRY_QUERY = "select " + CopiedEntryLeaf.COLUMNS + " from journal_entry e";
    private static final String ENTRY_TABLE_COLUMNS = CopiedEntryLeaf.COLUMNS.replace("e.", "");

    private record Batch(byte[][] rows, int count) {
    }

    private static final Batch END = new Batch(new byte[0][], 0);

    /**
     * Reads each chunk of positions with two binary {@code COPY … TO STDOUT} and no join: the chunk's leaves in
     * position order (the primary key's order, no sort), then the entries of their id range in the table's own order
     * (a sequential or index range scan, no sort); a log of one chunk, both as whole tables. Binary, because
     * PostgreSQL spends about a fifth less producing it than text (no escapes, no number or timestamp formatting) and
     * it needs no unescaping here. A second thread parses and hashes the entries into the chunk's
     * slots, and walks the positions in order as far as their entries have arrived (the entries come roughly in
     * position order: ids are given at insert, positions at commit), so that the tree grows while the entries are
     * read; what is left is walked after the last row, where a leaf whose entry never came is reported. The checks,
     * their order and the problem named are those of the {@code ResultSet} path (the same {@link Walk}). False
     * (nothing read) if the connection is not PgJDBC's.
     */
    private boolean verifyByCopy(Connection c, Walk walk, long treeSize, Progress progress, Result[] out) throws SQLException {
        for (long from = 0; ; from += chunkSize) {
            // The last chunk is open-ended: leaves beyond the state's size are read (and reported) too.
            boolean last = from + chunkSize >= treeSize;
            // A log of one chunk is read as whole tables, in their physical order: no index scan, no filter (PostgreSQL
            // spends a sixth less on the entries, half less on the leaves); the leaves are sorted here if they need it.
            boolean whole = from == 0 && last;
            Chunk chunk = new Chunk(macKey, walk);
            // The leaves as three arrays in one row (positions, entry ids, the positions not flagged authentic, usually
            // none), not a row each: PostgreSQL spends less on one aggregated row than on a million COPY rows, and
            // PgJDBC reads one message instead of a million (each its own array and calls). The aggregates take the
            // rows in the scan's order, the same for the first two; they are sorted here if they need it.
            try (LogCopyRows rows = openCopy(c, "COPY (select array_agg(position), array_agg(entry_id), "
                    + "array_agg(position) filter (where authentic is not true) from journal_leaf"
                    + (whole ? "" : " where position >= " + from + (last ? "" : " and position < " + (from + chunkSize)))
                    + ") TO STDOUT (FORMAT binary)")) {
                if (rows == null) {
                    if (from > 0) {
                        throw new SQLException("the COPY reader vanished after " + from + " leaves");
                    }
                    return false;
                }
                readLeaves(rows, chunk);
            }
            if (chunk.count > 0) {
                chunk.tiles = readTiles(c, from / MerkleLog.TILE_WIDTH, last ? -1 : (from + chunkSize) / MerkleLog.TILE_WIDTH);
                chunk.sortByPosition();
                chunk.index();
                Worker worker = new Worker(chunk);
                try (LogCopyRows rows = openCopy(c, whole ? "COPY journal_entry (" + ENTRY_TABLE_COLUMNS + ") TO STDOUT (FORMAT binary)"
                        : "COPY (" + ENTRY_QUERY + " where e.id between " + chunk.minId + " and " + chunk.maxId
                        + ") TO STDOUT (FORMAT binary)")) {
                    streamEntries(rows, worker, progress);
                } finally {
                    worker.finish();
                }
                if (chunk.result == null) {
                    chunk.walk(true);
                }
                if (whole) {
                    walk.entriesUpToFloor = chunk.entriesUpToFloor;
                }
                if (chunk.result != null) {
                    out[0] = chunk.result;
                    return true;
                }
                progress.checked(walk.expected);
            }
            if (last) {
                return true;
            }
        }
    }

    // The hot loops live in small methods of their own: the JIT compiles them (on-stack replacement) without the whole
    // of verifyByCopy, which runs once per verification (its compilation took a second of CPU in the first runs).

    private static void readLeaves(LogCopyRows rows, Chunk chunk) throws SQLException {
        for (byte[] row; (row = rows.next()) != null; ) {
            chunk.addLeaves(row);
        }
    }

    /** Hands the entry rows to the worker in batches, until the end or the worker stops at a problem. */
    private static void streamEntries(LogCopyRows rows, Worker worker, Progress progress) throws SQLException {
        byte[][] batch = new byte[BATCH][];
        int n = 0;
        for (byte[] row; (row = rows.next()) != null; ) {
            batch[n++] = row;
            if (n == BATCH) {
                worker.put(new Batch(batch, n));
                batch = new byte[BATCH][];
                n = 0;
                if (worker.stopped) {
                    return;
                }
                progress.checked(worker.done);
            }
        }
        if (n > 0) {
            worker.put(new Batch(batch, n));
        }
    }

    /** Null where the connection is not PgJDBC's or the driver's classes are not visible from here. */
    private static LogCopyRows openCopy(Connection c, String sql) throws SQLException {
        try {
            return LogCopyRows.open(c, sql);
        } catch (LinkageError driverNotVisible) {
            return null;
        }
    }

    /** The level-0 tiles of a chunk, by index, with a binary COPY (no hex encoding of the bytea). */
    private static Map<Long, byte[]> readTiles(Connection c, long fromIndex, long toIndex) throws SQLException {
        Map<Long, byte[]> tiles = new HashMap<>();
        BinaryCopyRow tile = new BinaryCopyRow(2);
        try (LogCopyRows rows = openCopy(c, "COPY (select tile_index, hashes from journal_tile where tile_level = 0 and tile_index >= "
                + fromIndex + (toIndex < 0 ? "" : " and tile_index < " + toIndex) + ") TO STDOUT (FORMAT binary)")) {
            for (byte[] row; (row = rows.next()) != null; ) {
                if (tile.split(row)) {
                    tiles.put(tile.number(0), tile.bytes(1));
                }
            }
        }
        return tiles;
    }

    /**
     * A chunk of positions: its leaves (in position order), the slot of each entry id, the leaf hashes computed from
     * the entries as they arrive, and the cursor of the walk in position order.
     */
    private static final class Chunk {

        private final Walk walk;
        private final BinaryCopyRow leafRow = new BinaryCopyRow(3);
        private final BinaryCopyRow entryRow = new BinaryCopyRow(CopiedEntryLeaf.FIELDS);
        private final CopiedEntryLeaf leaves;
        private long[] positions = new long[0];
        private long[] entryIds = new long[0];
        private boolean[] flagged = new boolean[0];
        /** Positions whose leaf is not flagged authentic (applied to {@code flagged} once sorted). */
        private long[] unflagged = new long[0];
        int count;
        long minId = Long.MAX_VALUE;
        long maxId = Long.MIN_VALUE;
        Map<Long, byte[]> tiles;
        /** Dense: slot of id {@code minId + i}, -1 for none; null when the ids are too sparse (then {@code sparse}). */
        private int[] slots;
        private Map<Long, Integer> sparse;
        private byte[] hashes;
        private boolean[] arrived;
        private boolean[] macValid;
        /** Legacy entries only: slot → chain content and chain hash. */
        private final Map<Integer, Object[]> legacy = new HashMap<>();
        private int cursor;
        private final byte[] leafHash = new byte[MerkleLog.HASH_SIZE];
        /** Entry rows read whose id is at most the floor (positioned or not). */
        long entriesUpToFloor;
        Result result;

        Chunk(JournalMacKey macKey, Walk walk) {
            this.walk = walk;
            this.leaves = new CopiedEntryLeaf(macKey);
        }

        /** The row of the leaves' three arrays (no row: no leaf). */
        void addLeaves(byte[] row) throws SQLException {
            if (!leafRow.split(row)) {
                return;
            }
            long[] p = leafRow.int8Array(0);
            long[] ids = leafRow.int8Array(1);
            long[] notAuthentic = leafRow.int8Array(2);
            if (p == null) {
                return;
            }
            if (ids == null || ids.length != p.length) {
                throw new SQLException("unexpected COPY of the leaves: " + p.length + " positions, "
                        + (ids == null ? 0 : ids.length) + " entry ids");
            }
            positions = p;
            entryIds = ids;
            count = p.length;
            for (long id : ids) {
                minId = Math.min(minId, id);
                maxId = Math.max(maxId, id);
            }
            flagged = new boolean[count];
            Arrays.fill(flagged, true);
            unflagged = notAuthentic == null ? new long[0] : notAuthentic;
        }

        /** Leaves read in the table's physical order: sorted by position unless they already are (the usual case). */
        void sortByPosition() {
            boolean sorted = true;
            for (int i = 1; i < count && sorted; i++) {
                sorted = positions[i - 1] < positions[i];
            }
            if (!sorted) {
                sort();
            }
            for (long position : unflagged) {
                int i = Arrays.binarySearch(positions, 0, count, position);
                if (i >= 0) {
                    flagged[i] = false;
                }
            }
        }

        private void sort() {
            long[] p = positions;
            int[] order = java.util.stream.IntStream.range(0, count).boxed()
                    .sorted((a, b) -> Long.compare(p[a], p[b])).mapToInt(Integer::intValue).toArray();
            long[] sortedPositions = new long[count];
            long[] sortedIds = new long[count];
            boolean[] sortedFlags = new boolean[count];
            for (int i = 0; i < count; i++) {
                sortedPositions[i] = positions[order[i]];
                sortedIds[i] = entryIds[order[i]];
                sortedFlags[i] = flagged[order[i]];
            }
            positions = sortedPositions;
            entryIds = sortedIds;
            flagged = sortedFlags;
        }

        void index() {
            hashes = new byte[count * MerkleLog.HASH_SIZE];
            arrived = new boolean[count];
            macValid = new boolean[count];
            long range = maxId - minId + 1;
            if (range <= 4L * count + 1024) {
                slots = new int[(int) range];
                Arrays.fill(slots, -1);
                for (int i = 0; i < count; i++) {
                    slots[(int) (entryIds[i] - minId)] = i;
                }
            } else {
                sparse = new HashMap<>();
                for (int i = 0; i < count; i++) {
                    sparse.put(entryIds[i], i);
                }
            }
        }

        private int slot(long id) {
            if (slots != null) {
                return id < minId || id > maxId ? -1 : slots[(int) (id - minId)];
            }
            Integer slot = sparse.get(id);
            return slot == null ? -1 : slot;
        }

        /** One entry row: its leaf hash into its slot (an entry of no position in this chunk is skipped). */
        void entry(byte[] row) throws SQLException {
            if (!entryRow.split(row)) {
                return;
            }
            long id = entryRow.number(CopiedEntryLeaf.ID);
            if (id <= walk.floor) {
                entriesUpToFloor++;
            }
            int slot = slot(id);
            if (slot < 0) {
                return;
            }
            if (id <= walk.legacyMaxId) {
                byte[] data = CopiedEntryLeaf.legacyLeaf(entryRow);
                System.arraycopy(MerkleLog.leafHash(data), 0, hashes, slot * MerkleLog.HASH_SIZE, MerkleLog.HASH_SIZE);
                legacy.put(slot, new Object[] {JournalVerifier.sha256(data), CopiedEntryLeaf.chainHash(entryRow)});
            } else {
                macValid[slot] = leaves.v2LeafHash(entryRow, hashes, slot * MerkleLog.HASH_SIZE);
            }
            arrived[slot] = true;
        }

        /** Checks the positions in order as far as their entries arrived ({@code end}: all of them, the rest missing). */
        void walk(boolean end) {
            long tileIndex = -1;
            byte[] tile = null;
            for (; cursor < count && result == null && (end || arrived[cursor]); cursor++) {
                long position = positions[cursor];
                result = walk.position(position, !arrived[cursor], entryIds[cursor]);
                if (result != null) {
                    return;
                }
                if (position / MerkleLog.TILE_WIDTH != tileIndex) {
                    tileIndex = position / MerkleLog.TILE_WIDTH;
                    tile = tiles.get(tileIndex);
                }
                System.arraycopy(hashes, cursor * MerkleLog.HASH_SIZE, leafHash, 0, MerkleLog.HASH_SIZE);
                Object[] chain = legacy.isEmpty() ? null : legacy.get(cursor); // no boxed lookup per position without legacy entries
                result = walk.leaf(position, entryIds[cursor], flagged[cursor], leafHash, tile,
                        (int) (position % MerkleLog.TILE_WIDTH) * MerkleLog.HASH_SIZE, entryIds[cursor] <= walk.legacyMaxId,
                        macValid[cursor], chain == null ? null : (byte[]) chain[0], chain == null ? null : (String) chain[1]);
            }
        }
    }

    /** The second thread: parses and hashes the entries, walks the positions as far as it can; stops at a problem. */
    private static final class Worker implements Runnable {

        private final ArrayBlockingQueue<Batch> queue = new ArrayBlockingQueue<>(16);
        private final Chunk chunk;
        private Thread thread;
        volatile boolean stopped;
        volatile long done;
        private Throwable error;

        Worker(Chunk chunk) {
            this.chunk = chunk;
        }

        void put(Batch batch) throws SQLException {
            if (thread == null) {
                thread = new Thread(this, "journal-verification");
                thread.setDaemon(true);
                thread.start();
            }
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new SQLException("verification interrupted", e);
            }
        }

        @Override
        public void run() {
            while (true) {
                Batch batch;
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    error = e;
                    stopped = true;
                    return;
                }
                if (batch == END) {
                    return;
                }
                if (stopped) {
                    continue;
                }
                try {
                    process(batch);
                } catch (Throwable t) {
                    error = t;
                    stopped = true;
                }
            }
        }

        private void process(Batch batch) throws SQLException {
            for (int i = 0; i < batch.count(); i++) {
                chunk.entry(batch.rows()[i]);
            }
            chunk.walk(false);
            done = chunk.walk.expected;
            if (chunk.result != null) {
                stopped = true;
            }
        }

        void finish() throws SQLException {
            if (thread == null) {
                return;
            }
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new SQLException("verification interrupted", e);
            }
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            if (error != null) {
                throw new SQLException(error);
            }
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the checks, in position order

    /** The sequential state of a verification: next position, legacy chain, tree, next checkpoint. */
    private static final class Walk {

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

        /** {@code tile} holds the recorded leaf hash at {@code offset} (null or too short: not recorded). */
        Result leaf(long position, long entryId, boolean flaggedAuthentic, byte[] leafHash, byte[] tile, int offset,
                    boolean legacy, boolean macValid, byte[] chainContent, String chainHash) {
            if (tile == null || tile.length < offset + MerkleLog.HASH_SIZE
                    || !Arrays.equals(tile, offset, offset + MerkleLog.HASH_SIZE, leafHash, 0, MerkleLog.HASH_SIZE)) {
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
            tree.append(leafHash);
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
     * The right border of the tree being rebuilt (as {@link MerkleLog.Frontier}), in fixed arrays with one reused
     * digest: no allocation per leaf.
     */
    static final class Tree {

        private final MessageDigest digest = sha256Digest();
        /** {@code 0x01 || left || right}, hashed with one {@code update}. */
        private final byte[] pair = new byte[1 + 2 * MerkleLog.HASH_SIZE];
        private final byte[][] border = new byte[64][MerkleLog.HASH_SIZE];
        private final byte[] hash = new byte[MerkleLog.HASH_SIZE];
        private int count;
        private long size;

        void append(byte[] leafHash) {
            System.arraycopy(leafHash, 0, hash, 0, MerkleLog.HASH_SIZE);
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
            digest.update(pair);
            try {
                digest.digest(out, 0, MerkleLog.HASH_SIZE);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
