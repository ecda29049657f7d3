package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Problem;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.nio.charset.StandardCharsets;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        long upToFloor;
        try (PreparedStatement count = c.prepareStatement("select count(*) from journal_entry where id <= ?")) {
            count.setLong(1, floor);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                upToFloor = rs.getLong(1);
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
    private static final String ENTRY_COLUMNS = "select e.id, e.seq, (extract(epoch from e.occurred_at) * 1000000)::bigint, "
            + "e.actor, e.actor_role, e.tenant_ref, e.action, e.target, e.source_ip, e.outcome, e.reason, e.entry_hash, e.mac "
            + "from journal_entry e";

    private record Batch(byte[][] rows, int count) {
    }

    private static final Batch END = new Batch(new byte[0][], 0);

    /**
     * Reads each chunk of positions with two {@code COPY … TO STDOUT} (text) and no join: the chunk's leaves in
     * position order (the primary key's order, no sort), then the entries of their id range in the table's own order
     * (a sequential or index range scan, no sort). A second thread parses and hashes the entries into the chunk's
     * slots, and walks the positions in order as far as their entries have arrived (the entries come roughly in
     * position order: ids are given at insert, positions at commit), so that the tree grows while the entries are
     * read; what is left is walked after the last row, where a leaf whose entry never came is reported. The checks,
     * their order and the problem named are those of the {@code ResultSet} path (the same {@link Walk}). False
     * (nothing read) if the connection is not PgJDBC's.
     */
    private boolean verifyByCopy(Connection c, Walk walk, long treeSize, Progress progress, Result[] out) throws SQLException {
        for (long from = 0; ; from += CHUNK) {
            // The last chunk is open-ended: leaves beyond the state's size are read (and reported) too.
            boolean last = from + CHUNK >= treeSize;
            Chunk chunk = new Chunk(macKey, walk);
            try (LogCopyRows rows = openCopy(c, "COPY (select position, entry_id, authentic from journal_leaf where position >= "
                    + from + (last ? "" : " and position < " + (from + CHUNK)) + " order by position) TO STDOUT")) {
                if (rows == null) {
                    if (from > 0) {
                        throw new SQLException("the COPY reader vanished after " + from + " leaves");
                    }
                    return false;
                }
                for (byte[] row; (row = rows.next()) != null; ) {
                    chunk.addLeaf(row);
                }
            }
            if (chunk.count > 0) {
                chunk.tiles = readTiles(c, from / MerkleLog.TILE_WIDTH, last ? -1 : (from + CHUNK) / MerkleLog.TILE_WIDTH);
                chunk.index();
                Worker worker = new Worker(chunk);
                try (LogCopyRows rows = openCopy(c, "COPY (" + ENTRY_COLUMNS + " where e.id between " + chunk.minId
                        + " and " + chunk.maxId + ") TO STDOUT")) {
                    byte[][] batch = new byte[BATCH][];
                    int n = 0;
                    for (byte[] row; (row = rows.next()) != null; ) {
                        batch[n++] = row;
                        if (n == BATCH) {
                            worker.put(new Batch(batch, n));
                            batch = new byte[BATCH][];
                            n = 0;
                            if (worker.stopped) {
                                break;
                            }
                            progress.checked(worker.done);
                        }
                    }
                    if (n > 0) {
                        worker.put(new Batch(batch, n));
                    }
                } finally {
                    worker.finish();
                }
                if (chunk.result == null) {
                    chunk.walk(true);
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

    /** Null where the connection is not PgJDBC's or the driver's classes are not visible from here. */
    private static LogCopyRows openCopy(Connection c, String sql) throws SQLException {
        try {
            return LogCopyRows.open(c, sql);
        } catch (LinkageError driverNotVisible) {
            return null;
        }
    }

    private static Map<Long, byte[]> readTiles(Connection c, long fromIndex, long toIndex) throws SQLException {
        Map<Long, byte[]> tiles = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("select tile_index, hashes from journal_tile where tile_level = 0 "
                + "and tile_index >= ?" + (toIndex < 0 ? "" : " and tile_index < ?"))) {
            q.setLong(1, fromIndex);
            if (toIndex >= 0) {
                q.setLong(2, toIndex);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tiles.put(rs.getLong(1), rs.getBytes(2));
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
        private final CopyRow parser;
        private long[] positions = new long[1024];
        private long[] entryIds = new long[1024];
        private boolean[] flagged = new boolean[1024];
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
        Result result;

        Chunk(byte[] macKey, Walk walk) {
            this.walk = walk;
            this.parser = new CopyRow(macKey);
        }

        void addLeaf(byte[] row) throws SQLException {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, 2 * count);
                entryIds = Arrays.copyOf(entryIds, 2 * count);
                flagged = Arrays.copyOf(flagged, 2 * count);
            }
            parser.split(row, 3);
            positions[count] = parser.number(0);
            long id = parser.number(1);
            entryIds[count] = id;
            flagged[count] = parser.isTrue(2);
            minId = Math.min(minId, id);
            maxId = Math.max(maxId, id);
            count++;
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
            parser.split(row, CopyRow.FIELDS);
            int slot = slot(parser.number(0));
            if (slot < 0) {
                return;
            }
            if (parser.number(0) <= walk.legacyMaxId) {
                byte[] data = parser.legacyLeaf();
                System.arraycopy(MerkleLog.leafHash(data), 0, hashes, slot * MerkleLog.HASH_SIZE, MerkleLog.HASH_SIZE);
                legacy.put(slot, new Object[] {JournalVerifier.sha256(data), parser.text(11)});
            } else {
                macValid[slot] = parser.v2LeafHash(hashes, slot * MerkleLog.HASH_SIZE);
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
                Object[] chain = legacy.get(cursor);
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
                    for (int i = 0; i < batch.count(); i++) {
                        chunk.entry(batch.rows()[i]);
                    }
                    chunk.walk(false);
                    done = chunk.walk.expected;
                    if (chunk.result != null) {
                        stopped = true;
                    }
                } catch (Throwable t) {
                    error = t;
                    stopped = true;
                }
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

    /**
     * A COPY text row: fields split in place, v2 leaves encoded into a reused buffer straight from the row's UTF-8
     * bytes (the canonical encoding is {@code <UTF-8 length>:<bytes>;} per field, {@code -;} for null), MAC and
     * leaf hash with reused instances. Legacy (v1) rows go through the same code as the ResultSet path.
     */
    private static final class CopyRow {

        /** The columns of {@link #ENTRY_COLUMNS}. */
        static final int FIELDS = 13;
        private static final byte[] V2_TAG = JournalVerifier.canonical(JournalVerifier.ENTRY_V2_TAG);
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        private final Mac mac;
        private final MessageDigest sha = sha256Digest();
        private final int[] starts = new int[FIELDS];
        private final int[] ends = new int[FIELDS];
        private final byte[] macOut = new byte[MerkleLog.HASH_SIZE];
        private final byte[] macHex = new byte[2 * MerkleLog.HASH_SIZE];
        private byte[] buf = new byte[1024];
        private int length;
        private byte[] scratch = new byte[256];
        private byte[] row;
        private byte[] fieldBytes;
        private int fieldOffset;
        private int fieldLength;

        CopyRow(byte[] macKey) {
            try {
                this.mac = Mac.getInstance("HmacSHA256");
                this.mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] legacyLeaf() {
            Long seq = isNull(1) ? null : number(1);
            return JournalVerifier.entryV1Leaf(seq, number(2), text(3), text(4), text(5), text(6), text(7), text(8),
                    text(9), text(10));
        }

        /** Writes the v2 leaf hash of the current entry row at {@code out[at]}; true if its MAC is valid. */
        boolean v2LeafHash(byte[] out, int at) {
            length = 0;
            append(V2_TAG, 0, V2_TAG.length);
            for (int k = 2; k <= 10; k++) {
                appendField(k);
            }
            int payload = length;
            try {
                mac.update(buf, 0, payload);
                mac.doFinal(macOut, 0);
                for (int i = 0; i < macOut.length; i++) {
                    macHex[2 * i] = HEX[(macOut[i] >> 4) & 0xf];
                    macHex[2 * i + 1] = HEX[macOut[i] & 0xf];
                }
                boolean valid = false;
                if (!isNull(12)) {
                    field(12);
                    valid = fieldLength == macHex.length && Arrays.equals(fieldBytes, fieldOffset, fieldOffset + fieldLength, macHex, 0, macHex.length);
                }
                appendField(12);
                sha.update((byte) 0x00);
                sha.update(buf, 0, length);
                sha.digest(out, at, MerkleLog.HASH_SIZE);
                return valid;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean isTrue(int k) {
            return row[starts[k]] == 't';
        }

        void split(byte[] line, int fields) throws SQLException {
            row = line;
            int f = 0;
            starts[0] = 0;
            int end = row.length - 1; // the newline
            for (int i = 0; i < end; i++) {
                if (row[i] == '\t') {
                    if (f == fields - 1) {
                        throw new SQLException("unexpected COPY row: more than " + fields + " fields");
                    }
                    ends[f] = i;
                    starts[++f] = i + 1;
                }
            }
            if (f != fields - 1 || row[end] != '\n') {
                throw new SQLException("unexpected COPY row: " + (f + 1) + " fields");
            }
            ends[f] = end;
        }

        private boolean isNull(int k) {
            return ends[k] - starts[k] == 2 && row[starts[k]] == '\\' && row[starts[k] + 1] == 'N';
        }

        private long number(int k) {
            int i = starts[k];
            boolean negative = row[i] == '-';
            if (negative) {
                i++;
            }
            long v = 0;
            for (; i < ends[k]; i++) {
                int d = row[i] - '0';
                if (d < 0 || d > 9) {
                    throw new NumberFormatException("not a number in field " + k);
                }
                v = v * 10 + d;
            }
            return negative ? -v : v;
        }

        /** The field's bytes, COPY text escapes undone, into fieldBytes/fieldOffset/fieldLength. */
        private void field(int k) {
            int s = starts[k];
            int e = ends[k];
            boolean escaped = false;
            for (int i = s; i < e; i++) {
                if (row[i] == '\\') {
                    escaped = true;
                    break;
                }
            }
            if (!escaped) {
                fieldBytes = row;
                fieldOffset = s;
                fieldLength = e - s;
                return;
            }
            if (scratch.length < e - s) {
                scratch = new byte[2 * (e - s)];
            }
            int o = 0;
            for (int i = s; i < e; i++) {
                byte b = row[i];
                if (b != '\\' || i + 1 >= e) {
                    scratch[o++] = b;
                    continue;
                }
                byte n = row[++i];
                switch (n) {
                    case 'b' -> scratch[o++] = 8;
                    case 'f' -> scratch[o++] = 12;
                    case 'n' -> scratch[o++] = 10;
                    case 'r' -> scratch[o++] = 13;
                    case 't' -> scratch[o++] = 9;
                    case 'v' -> scratch[o++] = 11;
                    case 'x' -> {
                        int v = 0;
                        int digits = 0;
                        while (digits < 2 && i + 1 < e && Character.digit(row[i + 1], 16) >= 0) {
                            v = v * 16 + Character.digit(row[++i], 16);
                            digits++;
                        }
                        scratch[o++] = digits == 0 ? (byte) 'x' : (byte) v;
                    }
                    default -> {
                        if (n >= '0' && n <= '7') {
                            int v = n - '0';
                            for (int digits = 1; digits < 3 && i + 1 < e && row[i + 1] >= '0' && row[i + 1] <= '7'; digits++) {
                                v = v * 8 + (row[++i] - '0');
                            }
                            scratch[o++] = (byte) v;
                        } else {
                            scratch[o++] = n;
                        }
                    }
                }
            }
            fieldBytes = scratch;
            fieldOffset = 0;
            fieldLength = o;
        }

        private String text(int k) {
            if (isNull(k)) {
                return null;
            }
            field(k);
            return new String(fieldBytes, fieldOffset, fieldLength, StandardCharsets.UTF_8);
        }

        /** Appends the field's canonical encoding (as JournalVerifier.canonical). */
        private void appendField(int k) {
            if (isNull(k)) {
                ensure(2);
                buf[length++] = '-';
                buf[length++] = ';';
                return;
            }
            field(k);
            ensure(fieldLength + 22);
            length += writeDecimal(fieldLength, buf, length);
            buf[length++] = ':';
            System.arraycopy(fieldBytes, fieldOffset, buf, length, fieldLength);
            length += fieldLength;
            buf[length++] = ';';
        }

        private void append(byte[] bytes, int from, int count) {
            ensure(count);
            System.arraycopy(bytes, from, buf, length, count);
            length += count;
        }

        private void ensure(int more) {
            if (length + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, length + more));
            }
        }

        private static int writeDecimal(int value, byte[] out, int at) {
            int digits = 1;
            for (int v = value; v >= 10; v /= 10) {
                digits++;
            }
            for (int i = at + digits - 1, v = value; i >= at; i--, v /= 10) {
                out[i] = (byte) ('0' + v % 10);
            }
            return digits;
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

        private final long floor;
        /** Leaves (all checked) whose entry id is at most the sequencer's floor. */
        long leavesUpToFloor;

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
            digest.update((byte) 0x01);
            digest.update(left);
            digest.update(right);
            try {
                digest.digest(out, 0, MerkleLog.HASH_SIZE);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
