package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The journal's sequencer: gives committed entries their log positions and grows the Merkle tree, in plain JDBC
 * with its own transactions (the one place of the module that commits by hand: it must run outside any container
 * transaction, and in a separate JVM in tests).
 * <p>
 * Each {@link #runOnce} is one database transaction: hold the lease (row locked until commit), read the unsequenced
 * entries visible now (anti-join above a floor id, in id order), insert their positions into {@code journal_leaf},
 * write the tiles they changed, move the state row, commit. Killed at any point, the transaction rolls back and the
 * next holder resumes from the committed state: no duplicate (unique entry_id), no hole (positions come from the
 * state row). Positions follow commit visibility, not ids: an id still in flight is simply sequenced by a later
 * batch, and a rolled-back id leaves no hole; the floor passes an id missing for longer than the gap timeout only to
 * keep the scan short.
 */
final class LogSequencer {

    static final String LEASE = "journal-sequencer";
    private static final Logger LOG = Logger.getLogger(LogSequencer.class.getName());

    /** A connection source (a DataSource in the server, DriverManager in tests). */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final SingletonLease lease;
    /** The MAC keys: the configured ring, read again at each batch (a rotation here or on another node). */
    private final java.util.function.Supplier<JournalMacKey> macKeys;
    private final LongSupplier clock;
    private final int batchSize;
    private final long gapTimeoutMs;

    private MerkleLog.Frontier frontier;
    /** The rightmost tile of each tile level, as stored. */
    private final Map<Integer, byte[]> edgeTiles = new HashMap<>();
    private final Map<Integer, Long> edgeTileIndex = new HashMap<>();
    /** When the missing ids above the floor were first seen missing. */
    private final GapsSeen gapsSeen = new GapsSeen();

    /** Test hook: called after the leaves of a batch are inserted, before commit (a test kills the JVM there). */
    Runnable beforeCommit = () -> { };

    LogSequencer(Connections connections, SingletonLease lease, byte[] macKey, LongSupplier clock, int batchSize, long gapTimeoutMs) {
        this(connections, lease, constant(JournalMacKey.single(macKey)), clock, batchSize, gapTimeoutMs);
    }

    private static java.util.function.Supplier<JournalMacKey> constant(JournalMacKey keys) {
        return () -> keys;
    }

    LogSequencer(Connections connections, SingletonLease lease, java.util.function.Supplier<JournalMacKey> macKeys, LongSupplier clock,
                 int batchSize, long gapTimeoutMs) {
        this.connections = connections;
        this.lease = lease;
        this.macKeys = macKeys;
        this.clock = clock;
        this.batchSize = batchSize;
        this.gapTimeoutMs = gapTimeoutMs;
    }

    /** The outcome of one batch: entries sequenced (-1: another node holds the lease), of which not authentic. */
    record Batch(int sequenced, List<Long> notAuthentic, long treeSize) {
        static final Batch NOT_HOLDER = new Batch(-1, List.of(), -1);
    }

    /** One batch in its own transaction. */
    Batch runOnce() throws SQLException {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                Batch batch = sequence(c);
                if (batch.sequenced() < 0) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return batch;
            } catch (SQLException | RuntimeException e) {
                frontier = null; // the committed state is the truth: reload it next time
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the database rolls back
                }
                throw e;
            }
        }
    }

    /** Runs batches until nothing is left to sequence (or the lease is elsewhere); returns the entries sequenced. */
    long drain() throws SQLException {
        long total = 0;
        while (true) {
            Batch batch = runOnce();
            if (batch.sequenced() <= 0) {
                return total;
            }
            total += batch.sequenced();
        }
    }

    void release() {
        try (Connection c = connections.open()) {
            c.setAutoCommit(true);
            lease.release(c);
        } catch (SQLException e) {
            LOG.fine("could not release the sequencer lease: " + e);
        }
    }

    private Batch sequence(Connection c) throws SQLException {
        if (!lease.holdWithin(c)) {
            frontier = null;
            return Batch.NOT_HOLDER;
        }
        long treeSize;
        long floor;
        long legacyMaxId;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tree_size, floor_id, legacy_max_id from journal_log_state where id = 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("journal_log_state is empty: the security schema is not migrated");
            }
            treeSize = rs.getLong(1);
            floor = rs.getLong(2);
            legacyMaxId = rs.getLong(3);
        }
        if (frontier == null || frontier.size() != treeSize) {
            load(c, treeSize);
        }
        MerkleLog.Frontier next = new MerkleLog.Frontier(frontier.size(), frontier.border());
        Map<Long, byte[]> changedTiles = new TreeMap<>();
        Map<Integer, byte[]> edges = new HashMap<>(edgeTiles);
        Map<Integer, Long> edgeIndex = new HashMap<>(edgeTileIndex);
        MerkleLog.NodeSink sink = (level, index, hash) -> {
            if (level % MerkleLog.TILE_HEIGHT != 0) {
                return;
            }
            int tileLevel = level / MerkleLog.TILE_HEIGHT;
            long tileIndex = index / MerkleLog.TILE_WIDTH;
            byte[] tile = edgeIndex.getOrDefault(tileLevel, -1L) == tileIndex ? edges.get(tileLevel) : new byte[0];
            int offset = (int) (index % MerkleLog.TILE_WIDTH) * MerkleLog.HASH_SIZE;
            if (tile.length != offset) {
                throw new IllegalStateException("tile " + tileLevel + "/" + tileIndex + " holds " + tile.length / 32
                        + " hashes, node " + index + " expected at " + offset / 32);
            }
            byte[] grown = Arrays.copyOf(tile, offset + MerkleLog.HASH_SIZE);
            System.arraycopy(hash, 0, grown, offset, MerkleLog.HASH_SIZE);
            edges.put(tileLevel, grown);
            edgeIndex.put(tileLevel, tileIndex);
            changedTiles.put(tileIndex << 6 | tileLevel, grown);
        };

        List<long[]> leaves = new ArrayList<>(); // entry id, authentic
        List<Long> notAuthentic = new ArrayList<>();
        LogLeaves reader = new LogLeaves(macKeys.get(), legacyMaxId);
        if (treeSize == 0 && legacyMaxId > 0) {
            sequenceLegacy(c, reader, legacyMaxId, next, sink, leaves, notAuthentic);
        } else {
            // The floor is written into the SQL (a number we computed), inside the anti-join too: PostgreSQL then
            // plans each batch for that floor and reads index ranges above it. With a bind parameter it switched to a
            // generic plan after five runs and hashed a third of both tables.
            try (PreparedStatement q = c.prepareStatement("select " + LogLeaves.COLUMNS + " from journal_entry e where e.id > " + floor
                    + " and not exists (select 1 from journal_leaf l where l.entry_id = e.id and l.entry_id > " + floor
                    + ") order by e.id fetch first " + batchSize + " rows only")) {
                q.setFetchSize(Math.min(batchSize, 1000));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        LogLeaves.Leaf leaf = reader.read(rs, 1);
                        boolean authentic = leaf.legacy() ? false : leaf.macValid();
                        next.append(MerkleLog.leafHash(leaf.data()), sink);
                        leaves.add(new long[] {leaf.entryId(), authentic ? 1 : 0});
                        if (!authentic) {
                            notAuthentic.add(leaf.entryId());
                        }
                    }
                }
            }
        }
        long now = clock.getAsLong();
        if (!leaves.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into journal_leaf (position, entry_id, authentic, sequenced_at_us) values (?, ?, ?, ?)")) {
                long position = treeSize;
                for (long[] leaf : leaves) {
                    insert.setLong(1, position++);
                    insert.setLong(2, leaf[0]);
                    insert.setBoolean(3, leaf[1] == 1);
                    insert.setLong(4, now * 1000);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (Map.Entry<Long, byte[]> tile : changedTiles.entrySet()) {
                LogTiles.write(c, (int) (tile.getKey() & 63), tile.getKey() >>> 6, tile.getValue());
            }
        }
        for (Long id : notAuthentic) {
            report(c, id, now);
        }
        long newFloor = advanceFloor(c, floor, now);
        if (!leaves.isEmpty() || newFloor != floor) {
            try (PreparedStatement update = c.prepareStatement(
                    "update journal_log_state set tree_size = ?, root_hash = ?, floor_id = ? where id = 1 and tree_size = ?")) {
                update.setLong(1, next.size());
                update.setString(2, JournalVerifier.hex(next.root()));
                update.setLong(3, newFloor);
                update.setLong(4, treeSize);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the log state moved under the lease");
                }
            }
        }
        beforeCommit.run();
        // Kept only once committed (runOnce resets on failure).
        frontier = next;
        edgeTiles.clear();
        edgeTiles.putAll(edges);
        edgeTileIndex.clear();
        edgeTileIndex.putAll(edgeIndex);
        return new Batch(leaves.size(), notAuthentic, next.size());
    }

    /** The entries written before the log, in chain order (unchained ones first), their chain hashes checked. */
    private static void sequenceLegacy(Connection c, LogLeaves reader, long legacyMaxId, MerkleLog.Frontier next,
                                       MerkleLog.NodeSink sink, List<long[]> leaves, List<Long> notAuthentic) throws SQLException {
        byte[] head = JournalVerifier.GENESIS;
        try (PreparedStatement q = c.prepareStatement("select " + LogLeaves.COLUMNS + " from journal_entry e where e.id <= ? "
                + "order by case when e.seq is null then 0 else 1 end, e.seq, e.id")) {
            q.setLong(1, legacyMaxId);
            q.setFetchSize(10_000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    LogLeaves.Leaf leaf = reader.read(rs, 1);
                    boolean authentic = true;
                    if (leaf.chainHash() != null) {
                        byte[] linked = JournalVerifier.link(head, leaf.chainContent());
                        authentic = JournalVerifier.hex(linked).equals(leaf.chainHash());
                        head = JournalVerifier.unhex(leaf.chainHash());
                    }
                    next.append(MerkleLog.leafHash(leaf.data()), sink);
                    leaves.add(new long[] {leaf.entryId(), authentic ? 1 : 0});
                    if (!authentic) {
                        notAuthentic.add(leaf.entryId());
                    }
                }
            }
        }
    }

    /** Journals an entry that was sequenced although it is not authentic (it gets its own position next batch). */
    private void report(Connection c, long entryId, long nowMs) throws SQLException {
        LOG.warning(() -> "Journal entry id " + entryId + " does not carry a valid MAC: written around the application; "
                + "sequenced with the flag authentic = false");
        JournalEvent event = new JournalEvent("JOURNAL_ENTRY_NOT_AUTHENTIC", null, "entry " + entryId, JournalEvent.Outcome.FAILURE,
                "MAC does not verify: written around the application");
        JournalEntry entry = new JournalEntry(macKeys.get(), Instant.ofEpochMilli(nowMs), "journal-sequencer", "system", event, null);
        try (PreparedStatement insert = c.prepareStatement(JournalEntry.INSERT)) {
            entry.bind(insert);
            insert.executeUpdate();
        }
    }

    /**
     * Moves the floor over ids that are sequenced, and over ids missing for longer than the gap timeout (rolled
     * back, or lost to a sequence cache): the scan starts above it.
     */
    private long advanceFloor(Connection c, long floor, long now) throws SQLException {
        long expected = floor + 1;
        List<Long> sequenced = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select entry_id from journal_leaf where entry_id > " + floor
                + " order by entry_id fetch first 20000 rows only")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    sequenced.add(rs.getLong(1));
                }
            }
        }
        if (!sequenced.isEmpty()) {
            // Every id missing below the newest sequenced one starts its clock now, if it has not already.
            gapsSeen.seenMissingBelow(sequenced.get(sequenced.size() - 1), now);
        }
        for (long id : sequenced) {
            if (expected < id) {
                // The run [expected, id) is missing: passed where its ids have been missing for the gap timeout.
                expected = gapsSeen.timedOutUpTo(expected, id, now - gapTimeoutMs);
                if (expected < id) {
                    gapsSeen.forgetBelow(expected);
                    return expected - 1;
                }
            }
            expected = id + 1;
        }
        gapsSeen.forgetBelow(expected);
        return expected - 1;
    }

    /** Rebuilds the in-memory border and edge tiles from the committed tiles. */
    private void load(Connection c, long treeSize) throws SQLException {
        LogTiles tiles = new LogTiles(c);
        List<byte[]> border = new ArrayList<>();
        for (long[] node : MerkleLog.borderNodes(treeSize)) {
            border.add(tiles.node((int) node[0], node[1]));
        }
        frontier = new MerkleLog.Frontier(treeSize, border);
        edgeTiles.clear();
        edgeTileIndex.clear();
        for (int level = 0; (treeSize >>> (MerkleLog.TILE_HEIGHT * level)) > 0; level++) {
            long nodes = treeSize >>> (MerkleLog.TILE_HEIGHT * level);
            long index = nodes / MerkleLog.TILE_WIDTH;
            int width = (int) (nodes % MerkleLog.TILE_WIDTH);
            if (width == 0) {
                continue; // the next node starts a new tile
            }
            byte[] stored = tiles.tile(level, index);
            if (stored.length < width * MerkleLog.HASH_SIZE) {
                throw new IllegalStateException("tile " + level + "/" + index + " is shorter than the tree size " + treeSize);
            }
            edgeTiles.put(level, Arrays.copyOf(stored, width * MerkleLog.HASH_SIZE));
            edgeTileIndex.put(level, index);
        }
    }
}
