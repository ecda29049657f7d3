package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The tree's hash tiles in {@code journal_tile} (C2SP tlog-tiles, 256 hashes of level 8L per tile of level L), read
 * through a per-use cache: a proof or a root reads O(log n) tile rows. Plain JDBC.
 */
final class LogTiles implements MerkleLog.NodeSource {

    private final Connection connection;
    private final Map<Long, byte[]> cache = new HashMap<>();
    private int reads;

    LogTiles(Connection connection) {
        this.connection = connection;
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

    @Override
    public byte[] node(int level, long index) {
        long[] tile = MerkleLog.tileOf(level, index);
        try {
            return MerkleLog.nodeFromTile(level, index, tile((int) tile[0], tile[1]));
        } catch (SQLException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot read tile " + tile[0] + "/" + tile[1], e));
        }
    }

    int reads() {
        return reads;
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
