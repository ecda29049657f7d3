package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PostgreSQL path of {@link LogVerification}: the rows come by binary {@code COPY … TO STDOUT} (no join, no sort),
 * and the checks are those of the {@code ResultSet} path, in the same order, through the same
 * {@link LogVerification.Walk}.
 *
 * <p>A log of one chunk ({@value #CHUNK} positions) is read as whole tables, on two connections in one snapshot: the
 * first exports its snapshot ({@code pg_export_snapshot()}), a second one (opened meanwhile, while the first read the
 * checkpoints and the state) imports it ({@code SET TRANSACTION SNAPSHOT}) and reads the leaves and the level-0 tiles
 * on a thread of its own while the first streams the entries
 * (PostgreSQL's two backends and the JVM's threads work at once: the leaves' aggregate no longer holds up the
 * entries). The reading thread hands the entry rows in batches to a hashing thread, which hashes each entry (leaf
 * recomputed, MAC checked) into a slot by its id and, once the leaves and tiles have arrived, walks the positions in
 * order as far as their entries have arrived. Without a second connection (none to be had), the leaves are read on the
 * first connection before the entries.
 *
 * <p>Larger logs are read in chunks, each on the first connection: its leaves (a range of positions), then its
 * level-0 tiles, then the entries of its id range (about 90 MB in memory per chunk).
 */
final class CopyVerification {

    private static final Logger LOG = Logger.getLogger(CopyVerification.class.getName());

    /** Positions per chunk: a whole number of tiles. */
    static final int CHUNK = MerkleLog.TILE_WIDTH * 4096;
    private static final int BATCH = 1024;
    private static final String ENTRY_QUERY = "select " + CopiedEntryLeaf.COLUMNS + " from journal_entry e";
    private static final String ENTRY_TABLE_COLUMNS = CopiedEntryLeaf.COLUMNS.replace("e.", "");

    private final JournalMacKey macKey;
    private final LogVerification.Walk walk;
    private final int chunkSize;
    private final LogVerification.Progress progress;

    CopyVerification(JournalMacKey macKey, LogVerification.Walk walk, int chunkSize, LogVerification.Progress progress) {
        this.macKey = macKey;
        this.walk = walk;
        this.chunkSize = chunkSize;
        this.progress = progress;
    }

    /** PostgreSQL through PgJDBC (its classes visible from here). */
    static boolean usable(Connection c) throws SQLException {
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return false;
        }
        try {
            return LogCopyRows.supports(c);
        } catch (LinkageError driverNotVisible) {
            return false;
        }
    }

    /**
     * Checks every leaf up to the end of the log, in the snapshot of {@code c}; the first problem, or null when every
     * leaf read is sound (the caller then checks the log's size, the checkpoints beyond it and the entries outside).
     */
    Result verify(Connection c, Second second, long treeSize) throws SQLException {
        if (chunkSize >= treeSize) {
            return whole(c, second, treeSize);
        }
        for (long from = 0; ; from += chunkSize) {
            // The last chunk is open-ended: leaves beyond the state's size are read (and reported) too.
            boolean last = from + chunkSize >= treeSize;
            Leaves leaves = Leaves.read(c, from, last ? -1 : from + chunkSize);
            if (leaves.count > 0) {
                Chunk chunk = new Chunk(macKey, walk, leaves.minId(), leaves.maxId(), leaves.count);
                chunk.leaves = leaves;
                Result r = stream(c, chunk, "COPY (" + ENTRY_QUERY + " where e.id between " + chunk.minId + " and "
                        + chunk.maxId + ") TO STDOUT (FORMAT binary)", CompletableFuture.completedFuture(leaves));
                if (r != null) {
                    return r;
                }
            }
            if (last) {
                return null;
            }
        }
    }

    /**
     * A log of one chunk, as whole tables in their physical order (no index scan, no filter: PostgreSQL spends a sixth
     * less on the entries than with a range): the leaves and tiles on a second connection in this snapshot while the
     * entries stream here. The entries counted up to the floor (all of them were read) spare the caller a count.
     */
    private Result whole(Connection c, Second opening, long treeSize) throws SQLException {
        long minId;
        long maxId;
        boolean packable;
        // The range of the entries the leaves name and of their positions (two ends of each unique index): the
        // entries' slots, and whether each leaf fits in one number.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select min(entry_id), max(entry_id), min(position), max(position) from journal_leaf")) {
            rs.next();
            minId = rs.getLong(1);
            if (rs.wasNull()) {
                return null; // no leaf: nothing to check here
            }
            maxId = rs.getLong(2);
            packable = Leaves.packable(minId, maxId, rs.getLong(3), rs.getLong(4));
        }
        CompletableFuture<Leaves> leaves = new CompletableFuture<>();
        Connection second = opening.take();
        LogVerification.ReadOnlySnapshot[] secondSnapshot = {null};
        try {
            if (second == null) {
                leaves.complete(packable ? Leaves.readPacked(c, minId) : Leaves.read(c, 0, -1));
            } else {
                String snapshot = exportSnapshot(c);
                // The import's round trips too run on the leaves' thread: the entries start streaming here at once.
                leaves = onThread("journal-verification-leaves", () -> {
                    secondSnapshot[0] = importSnapshot(snapshot, second);
                    return packable ? Leaves.readPacked(second, minId) : Leaves.read(second, 0, -1);
                });
            }
            // The slots (about 40 MB at a million entries, zeroed) once the leaves' reader is on its way.
            Chunk chunk = new Chunk(macKey, walk, minId, maxId, treeSize);
            Result r = stream(c, chunk, "COPY journal_entry (" + ENTRY_TABLE_COLUMNS + ") TO STDOUT (FORMAT binary)", leaves);
            walk.entriesUpToFloor = chunk.entriesUpToFloor;
            return r;
        } finally {
            if (second != null) {
                closeAfter(leaves, second, secondSnapshot);
            }
        }
    }

    /**
     * The second connection, opened on a thread of its own while the first one reads the checkpoints and the state;
     * closed here unless taken.
     */
    static final class Second implements AutoCloseable {

        private final CompletableFuture<Connection> opened;
        private boolean taken;

        private Second(CompletableFuture<Connection> opened) {
            this.opened = opened;
        }

        static Second open(LogSequencer.Connections connections) {
            return new Second(onThread("journal-verification-connection", connections::open));
        }

        /** The connection (the caller closes it), or null when none can be had (a pool at its limit): the leaves are then read first. */
        Connection take() throws SQLException {
            taken = true;
            try {
                return await(opened);
            } catch (SQLException e) {
                LOG.log(Level.INFO, "no second connection for the journal's verification: the leaves are read before the entries", e);
                return null;
            }
        }

        /** A connection not taken (a log of several chunks, or none to check) is closed once open. */
        @Override
        public void close() {
            if (!taken) {
                opened.thenAccept(c -> {
                    try {
                        c.close();
                    } catch (SQLException e) {
                        LOG.log(Level.FINE, "closing the unused second connection", e);
                    }
                });
            }
        }
    }

    /** The id of {@code first}'s snapshot, for a second connection to import. */
    private static String exportSnapshot(Connection first) throws SQLException {
        String id;
        try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery("select pg_export_snapshot()")) {
            rs.next();
            id = rs.getString(1);
        }
        if (!id.matches("[0-9A-Fa-f-]+")) {
            throw new SQLException("unexpected snapshot id " + id);
        }
        return id;
    }

    /** Starts on {@code second} a read-only transaction in an exported snapshot. */
    private static LogVerification.ReadOnlySnapshot importSnapshot(String id, Connection second) throws SQLException {
        LogVerification.ReadOnlySnapshot snapshot = LogVerification.ReadOnlySnapshot.begin(second);
        try (Statement s = second.createStatement()) {
            s.execute("SET TRANSACTION SNAPSHOT '" + id + "'");
        }
        return snapshot;
    }

    /**
     * Once the second connection's reader is done (whatever happened here), ends its transaction, restores its
     * settings and closes it.
     */
    private static void closeAfter(CompletableFuture<Leaves> leaves, Connection second, LogVerification.ReadOnlySnapshot[] snapshot)
            throws SQLException {
        try (second) {
            try {
                leaves.join();
            } catch (RuntimeException failedThere) {
                // reported by stream(), or moot after a problem found on the first connection
            }
            if (snapshot[0] != null) {
                snapshot[0].close();
            }
        }
    }

    /**
     * Streams the entries to the hashing thread, then walks what is left once the leaves are there; the first
     * problem, or null.
     */
    private Result stream(Connection c, Chunk chunk, String entriesCopy, CompletableFuture<Leaves> leaves) throws SQLException {
        Worker worker = new Worker(chunk, leaves);
        try (LogCopyRows rows = LogCopyRows.open(c, entriesCopy)) {
            streamEntries(rows, worker, progress);
        } finally {
            worker.finish();
        }
        if (chunk.result == null) {
            chunk.leaves = await(leaves);
            chunk.walk(true);
        }
        if (chunk.result == null) {
            progress.checked(walk.expected);
        }
        return chunk.result;
    }

    /** The outcome of work done on another thread, its failure rethrown here. */
    static <T> T await(CompletableFuture<T> done) throws SQLException {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new SQLException(e.getCause());
        }
    }

    /** {@code work} on a daemon thread of its own, its outcome in the future returned. */
    static <T> CompletableFuture<T> onThread(String name, Callable<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(work.call());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    // The hot loops live in small methods of their own: the JIT compiles them (on-stack replacement) without the whole
    // of the verification, which runs once (its compilation took a second of CPU in the first runs).

    /** Hands the entry rows to the worker in batches, until the end or the worker stops at a problem. */
    private static void streamEntries(LogCopyRows rows, Worker worker, LogVerification.Progress progress) throws SQLException {
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

    /** The leaves of a chunk in position order, their entries and flags, and the chunk's level-0 tiles by index. */
    static final class Leaves {

        long[] positions = new long[0];
        long[] entryIds = new long[0];
        boolean[] flagged = new boolean[0];
        /** Positions whose leaf is not flagged authentic (applied to {@code flagged} once sorted). */
        private long[] unflagged = new long[0];
        int count;
        Map<Long, byte[]> tiles = Map.of();

        /**
         * The leaves of positions {@code [from, to)} ({@code to} negative: to the end) and their tiles. The leaves come
         * as two arrays in one {@code COPY} row (positions, entry ids) with whether all are flagged authentic, not a row
         * each: PgJDBC reads one message instead of a million. The aggregates take the rows in the scan's order, the
         * same for both; they are sorted here if they need it. The positions not flagged authentic (usually none) are
         * read apart, only when there are some (a filtered third aggregate cost PostgreSQL a tenth more). From position
         * 0 to the end, the whole table: no index scan, no filter.
         */
        static Leaves read(Connection c, long from, long to) throws SQLException {
            Leaves leaves = new Leaves();
            String where = from == 0 && to < 0 ? "" : " where position >= " + from + (to < 0 ? "" : " and position < " + to);
            boolean allAuthentic = true;
            try (LogCopyRows rows = LogCopyRows.open(c, "COPY (select array_agg(position), array_agg(entry_id), "
                    + "bool_and(authentic) from journal_leaf" + where + ") TO STDOUT (FORMAT binary)")) {
                BinaryCopyRow row = new BinaryCopyRow(3);
                for (byte[] message; (message = rows.next()) != null; ) {
                    allAuthentic &= leaves.add(row, message);
                }
            }
            return leaves.rest(c, where, allAuthentic, from, to);
        }

        /** After the leaves' arrays: the positions not flagged authentic if some are, the order, the tiles. */
        private Leaves rest(Connection c, String where, boolean allAuthentic, long from, long to) throws SQLException {
            if (!allAuthentic) {
                try (LogCopyRows rows = LogCopyRows.open(c, "COPY (select array_agg(position) from journal_leaf"
                        + (where.isEmpty() ? " where" : where + " and") + " authentic is not true) TO STDOUT (FORMAT binary)")) {
                    BinaryCopyRow row = new BinaryCopyRow(1);
                    for (byte[] message; (message = rows.next()) != null; ) {
                        if (row.split(message) && !row.isNull(0)) {
                            unflagged = row.int8Array(0);
                        }
                    }
                }
            }
            if (count > 0) {
                sortByPosition();
                tiles = readTiles(c, from / MerkleLog.TILE_WIDTH, to < 0 ? -1 : to / MerkleLog.TILE_WIDTH);
            }
            return this;
        }

        /** The row of the arrays (no row: no leaf); false when some leaf is not flagged authentic. */
        private boolean add(BinaryCopyRow row, byte[] message) throws SQLException {
            if (!row.split(message)) {
                return true;
            }
            long[] p = row.int8Array(0);
            long[] ids = row.int8Array(1);
            if (p == null) {
                return true;
            }
            if (ids == null || ids.length != p.length) {
                throw new SQLException("unexpected COPY of the leaves: " + p.length + " positions, "
                        + (ids == null ? 0 : ids.length) + " entry ids");
            }
            set(p, ids);
            return row.isNull(2) || row.bool(2);
        }

        private void set(long[] p, long[] ids) {
            positions = p;
            entryIds = ids;
            count = p.length;
            flagged = new boolean[count];
            Arrays.fill(flagged, true);
        }

        /**
         * Whether every leaf of the table fits in one {@code bigint}: its position in the high 32 bits, its entry id
         * less the smallest one in the low 32 (a log of one chunk, ids without a gap of four billion).
         */
        static boolean packable(long minId, long maxId, long minPosition, long maxPosition) {
            return minPosition >= 0 && maxPosition <= Integer.MAX_VALUE && maxId >= minId && maxId - minId >= 0
                    && maxId - minId <= 0xffffffffL;
        }

        /**
         * All the leaves of the table (when {@link #packable}, {@code minId} the smallest entry id) and their tiles:
         * as {@link #read} from position 0 to the end, but one array in the row instead of two (PostgreSQL's aggregate
         * and its sending cost per element: 0.13–0.15 s of the backend's CPU against 0.20–0.25 s at a million
         * leaves: docs/security.md, "Benchmark").
         */
        static Leaves readPacked(Connection c, long minId) throws SQLException {
            Leaves leaves = new Leaves();
            boolean allAuthentic = true;
            try (LogCopyRows rows = LogCopyRows.open(c, "COPY (select array_agg((position << 32) | (entry_id - (" + minId
                    + "))), bool_and(authentic) from journal_leaf) TO STDOUT (FORMAT binary)")) {
                BinaryCopyRow row = new BinaryCopyRow(2);
                for (byte[] message; (message = rows.next()) != null; ) {
                    if (!row.split(message) || row.isNull(0)) {
                        continue;
                    }
                    long[] packed = row.int8Array(0);
                    long[] p = new long[packed.length];
                    long[] ids = new long[packed.length];
                    for (int i = 0; i < packed.length; i++) {
                        p[i] = packed[i] >>> 32;
                        ids[i] = (packed[i] & 0xffffffffL) + minId;
                    }
                    leaves.set(p, ids);
                    allAuthentic &= row.isNull(1) || row.bool(1);
                }
            }
            return leaves.rest(c, "", allAuthentic, 0, -1);
        }

        long minId() {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                min = Math.min(min, entryIds[i]);
            }
            return min;
        }

        long maxId() {
            long max = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, entryIds[i]);
            }
            return max;
        }

        /** Leaves read in the table's physical order: sorted by position unless they already are (the usual case). */
        private void sortByPosition() {
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
            for (int i = 0; i < count; i++) {
                sortedPositions[i] = positions[order[i]];
                sortedIds[i] = entryIds[order[i]];
            }
            positions = sortedPositions;
            entryIds = sortedIds;
        }

        /** The level-0 tiles of a chunk, by index, with a binary COPY (no hex encoding of the bytea). */
        private static Map<Long, byte[]> readTiles(Connection c, long fromIndex, long toIndex) throws SQLException {
            Map<Long, byte[]> tiles = new HashMap<>();
            BinaryCopyRow tile = new BinaryCopyRow(2);
            try (LogCopyRows rows = LogCopyRows.open(c, "COPY (select tile_index, hashes from journal_tile where tile_level = 0 and tile_index >= "
                    + fromIndex + (toIndex < 0 ? "" : " and tile_index < " + toIndex) + ") TO STDOUT (FORMAT binary)")) {
                for (byte[] row; (row = rows.next()) != null; ) {
                    if (tile.split(row)) {
                        tiles.put(tile.number(0), tile.bytes(1));
                    }
                }
            }
            return tiles;
        }
    }

    /**
     * The entries of a range of ids, hashed in the order they arrive (leaf hash, MAC checked) into slots found by id,
     * and the walk of the chunk's leaves in position order as far as their entries have arrived.
     */
    private static final class Chunk {

        private final LogVerification.Walk walk;
        private final BinaryCopyRow entryRow = new BinaryCopyRow(CopiedEntryLeaf.FIELDS);
        private final CopiedEntryLeaf encoder;
        final long minId;
        final long maxId;
        /** Dense: the slot + 1 of id {@code minId + i}, 0 for none yet; null when the ids are too sparse (then {@code sparse}). */
        private final int[] slotOfId;
        private final Map<Long, Integer> sparse;
        /** Per slot: the leaf hash recomputed, whether the MAC is valid. */
        private byte[] hashes;
        private boolean[] macValid;
        private int slots;
        /** Legacy entries only: slot → chain content and chain hash. */
        private final Map<Integer, Object[]> legacy = new HashMap<>();
        /** Set by the hashing thread once read (or before the entries). */
        Leaves leaves;
        private int cursor;
        /** Entry rows read whose id is at most the floor (positioned or not). */
        long entriesUpToFloor;
        Result result;

        /** The entries of ids {@code [minId, maxId]}, about {@code expected} of them, get slots; the others are skipped. */
        Chunk(JournalMacKey macKey, LogVerification.Walk walk, long minId, long maxId, long expected) {
            this.walk = walk;
            this.encoder = new CopiedEntryLeaf(macKey);
            this.minId = minId;
            this.maxId = maxId;
            long range = maxId - minId + 1;
            int initial = (int) Math.min(Math.min(range, expected) + 1024, Integer.MAX_VALUE / MerkleLog.HASH_SIZE);
            if (range <= 4 * expected + 1024) {
                slotOfId = new int[(int) range];
                sparse = null;
            } else {
                slotOfId = null;
                sparse = new HashMap<>();
            }
            hashes = new byte[initial * MerkleLog.HASH_SIZE];
            macValid = new boolean[initial];
        }

        /** The slot of an entry id, -1 when its entry has not arrived (yet). */
        private int slot(long id) {
            if (id < minId || id > maxId) {
                return -1;
            }
            if (slotOfId != null) {
                return slotOfId[(int) (id - minId)] - 1;
            }
            Integer slot = sparse.get(id);
            return slot == null ? -1 : slot;
        }

        /** One entry row: its leaf hash into the next slot (an entry outside the range is only counted). */
        void entry(byte[] row) throws SQLException {
            if (!entryRow.split(row)) {
                return;
            }
            long id = entryRow.number(CopiedEntryLeaf.ID);
            if (id <= walk.floor) {
                entriesUpToFloor++;
            }
            if (id < minId || id > maxId) {
                return;
            }
            int slot = slots++;
            if (slot == macValid.length) {
                int more = Math.max(1024, slot / 2);
                hashes = Arrays.copyOf(hashes, (slot + more) * MerkleLog.HASH_SIZE);
                macValid = Arrays.copyOf(macValid, slot + more);
            }
            if (slotOfId != null) {
                slotOfId[(int) (id - minId)] = slot + 1;
            } else {
                sparse.put(id, slot);
            }
            if (id <= walk.legacyMaxId) {
                byte[] data = CopiedEntryLeaf.legacyLeaf(entryRow);
                System.arraycopy(MerkleLog.leafHash(data), 0, hashes, slot * MerkleLog.HASH_SIZE, MerkleLog.HASH_SIZE);
                legacy.put(slot, new Object[] {JournalVerifier.sha256(data), CopiedEntryLeaf.chainHash(entryRow)});
            } else {
                macValid[slot] = encoder.v2LeafHash(entryRow, hashes, slot * MerkleLog.HASH_SIZE);
            }
        }

        /**
         * Checks the positions in order as far as their entries arrived ({@code end}: all of them, the rest missing);
         * nothing before the leaves are there.
         */
        void walk(boolean end) {
            Leaves l = leaves;
            if (l == null) {
                return;
            }
            long tileIndex = -1;
            byte[] tile = null;
            for (; cursor < l.count && result == null; cursor++) {
                long id = l.entryIds[cursor];
                int slot = slot(id);
                if (slot < 0 && !end) {
                    return;
                }
                long position = l.positions[cursor];
                result = walk.position(position, slot < 0, id);
                if (result != null) {
                    return;
                }
                if (position / MerkleLog.TILE_WIDTH != tileIndex) {
                    tileIndex = position / MerkleLog.TILE_WIDTH;
                    tile = l.tiles.get(tileIndex);
                }
                Object[] chain = legacy.isEmpty() ? null : legacy.get(slot); // no boxed lookup per position without legacy entries
                result = walk.leaf(position, id, l.flagged[cursor], hashes, slot * MerkleLog.HASH_SIZE, tile,
                        (int) (position % MerkleLog.TILE_WIDTH) * MerkleLog.HASH_SIZE, id <= walk.legacyMaxId,
                        macValid[slot], chain == null ? null : (byte[]) chain[0], chain == null ? null : (String) chain[1]);
            }
        }
    }

    private record Batch(byte[][] rows, int count) {
    }

    private static final Batch END = new Batch(new byte[0][], 0);

    /**
     * The hashing thread: hashes the entries into their slots, takes the leaves once they have arrived and walks the
     * positions as far as it can; stops at a problem.
     */
    private static final class Worker implements Runnable {

        private final ArrayBlockingQueue<Batch> queue = new ArrayBlockingQueue<>(16);
        private final Chunk chunk;
        private final CompletableFuture<Leaves> leaves;
        private Thread thread;
        volatile boolean stopped;
        volatile long done;
        private Throwable error;

        Worker(Chunk chunk, CompletableFuture<Leaves> leaves) {
            this.chunk = chunk;
            this.leaves = leaves;
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
            if (chunk.leaves == null && leaves.isDone()) {
                if (leaves.isCompletedExceptionally()) {
                    stopped = true; // the caller reports the failure
                    return;
                }
                chunk.leaves = leaves.join();
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
}
