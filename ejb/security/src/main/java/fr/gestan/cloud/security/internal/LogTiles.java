package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tree's hash tiles in {@code journal_tile} (C2SP tlog-tiles, 256 hashes of level 8L per tile of level L), read
 * through a per-use cache: a proof or a root reads O(log n) tile rows. Plain JDBC.
 */
final class LogTiles implements MerkleLog.NodeSource {

    /** Nodes above the leaves' tiles kept by a bounded cache (32 bytes and a map entry each: about 0.5 MB at most). */
    static final int KEPT_NODES = 4096;

    private final Connection connection;
    private final Map<Long, byte[]> cache;
    /** The computed nodes of level 8 and above (null: none kept, a cache for one proof). */
    private final Map<Long, byte[]> nodes;
    private int reads;
    private int statements;
    private long hashes;

    LogTiles(Connection connection) {
        this.connection = connection;
        this.cache = new HashMap<>();
        this.nodes = null;
    }

    /**
     * With a cache of at most {@code maxTiles} tiles, the least recently used left out: for many proofs in one tree
     * (a tenant's journal export) in bounded memory, the tiles they share (the tree's right edge, the upper levels)
     * read once.
     */
    LogTiles(Connection connection, int maxTiles) {
        this.connection = connection;
        this.cache = lru(maxTiles);
        this.nodes = lru(KEPT_NODES);
    }

    private static Map<Long, byte[]> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Reads the tiles that {@code nodes} (node coordinates: level, index) lie in and that are not cached yet, in one
     * statement: a proof's five or so tiles in one round trip instead of one each (docs/performance.md 4.37).
     */
    void prefetch(Collection<long[]> nodes) throws SQLException {
        Map<Long, long[]> missing = new LinkedHashMap<>();
        for (long[] node : nodes) {
            long[] tile = MerkleLog.tileOf((int) node[0], node[1]);
            if (!cache.containsKey(key(tile[0], tile[1]))) {
                missing.putIfAbsent(key(tile[0], tile[1]), tile);
            }
        }
        if (missing.size() < 2) {
            return; // tile() reads a single one as well
        }
        StringBuilder sql = new StringBuilder("select tile_level, tile_index, hashes from journal_tile where ");
        for (int i = 0; i < missing.size(); i++) {
            sql.append(i == 0 ? "" : " or ").append("(tile_level = ? and tile_index = ?)");
        }
        statements++;
        try (PreparedStatement q = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (long[] tile : missing.values()) {
                q.setInt(p++, (int) tile[0]);
                q.setLong(p++, tile[1]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    cache.put(key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }
            }
        }
        reads += missing.size();
        for (Long absent : missing.keySet()) {
            cache.putIfAbsent(absent, new byte[0]); // as tile() records a tile not there yet
        }
    }

    private static long key(long level, long index) {
        return index << 6 | level;
    }

    /** The stored hashes of a tile (possibly wider than a given tree size needs), or an empty array. */
    byte[] tile(int level, long index) throws SQLException {
        byte[] cached = cache.get(key(level, index));
        if (cached != null) {
            return cached;
        }
        reads++;
        statements++;
        try (PreparedStatement q = connection.prepareStatement(
                "select hashes from journal_tile where tile_level = ? and tile_index = ?")) {
            q.setInt(1, level);
            q.setLong(2, index);
            try (ResultSet rs = q.executeQuery()) {
                byte[] hashes = rs.next() ? rs.getBytes(1) : new byte[0];
                cache.put(key(level, index), hashes);
                return hashes;
            }
        }
    }

    /** The tile as served for a tree of {@code size}: its first {@code width} hashes, null if it is not there yet. */
    byte[] tileForSize(int level, long index, int width, long size) throws SQLException {
        if (width < 1 || width > MerkleLog.tileWidth(level, index, size)) {
            return null;
        }
        byte[] hashes = tile(level, index);
        return hashes.length < width * MerkleLog.HASH_SIZE ? null : Arrays.copyOf(hashes, width * MerkleLog.HASH_SIZE);
    }

    /**
     * The hash of a complete node. With the bounded cache (many proofs in one tree: a tenant's export), the nodes of
     * level 8 and above are computed once, their halves first, and kept: the proofs of a tenant's entries share most
     * of them (a node of level 15 alone is 127 hashes of the tile below it), and those of the leaves' own tiles, which
     * few proofs share, are computed as they are asked for (docs/performance.md 4.57).
     */
    @Override
    public byte[] node(int level, long index) {
        if (nodes == null || level < MerkleLog.TILE_HEIGHT || level % MerkleLog.TILE_HEIGHT == 0) {
            return fromTile(level, index);
        }
        long key = key(level, index);
        byte[] kept = nodes.get(key);
        if (kept == null) {
            kept = MerkleLog.nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
            hashes++;
            nodes.put(key, kept);
        }
        return kept;
    }

    private byte[] fromTile(int level, long index) {
        long[] tile = MerkleLog.tileOf(level, index);
        try {
            byte[] hash = MerkleLog.nodeFromTile(level, index, tile((int) tile[0], tile[1]));
            hashes += (1L << level % MerkleLog.TILE_HEIGHT) - 1;
            return hash;
        } catch (SQLException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot read tile " + tile[0] + "/" + tile[1], e));
        }
    }

    int reads() {
        return reads;
    }

    /** The node hashes computed so far (SHA-256 of two children), the tiles' stored hashes not counted. */
    long hashes() {
        return hashes;
    }

    /** The statements this cache has run (a prefetch reads several tiles in one). */
    int statements() {
        return statements;
    }

    /** Writes a tile's hashes (the sequencer only, under its lease). */
    static void write(Connection connection, int level, long index, byte[] hashes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update journal_tile set hashes = ? where tile_level = ? and tile_index = ?")) {
            update.setBytes(1, hashes);
            update.setInt(2, level);
            update.setLong(3, index);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into journal_tile (tile_level, tile_index, hashes) values (?, ?, ?)")) {
            insert.setInt(1, level);
            insert.setLong(2, index);
            insert.setBytes(3, hashes);
            insert.executeUpdate();
        }
    }
}
