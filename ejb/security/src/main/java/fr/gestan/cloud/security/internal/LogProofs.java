package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Inclusion and consistency proofs read from the tiles (O(log n) tile rows each). Plain JDBC. */
final class LogProofs {

    private LogProofs() {
    }

    /** The log position of an entry, if sequenced. */
    static OptionalLong position(Connection c, long entryId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select position from journal_leaf where entry_id = ?")) {
            q.setLong(1, entryId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    static List<byte[]> inclusion(Connection c, long position, long treeSize) throws SQLException {
        return inclusion(new LogTiles(c), position, treeSize);
    }

    /**
     * The inclusion proof read through {@code tiles}: the tiles it needs first, in one statement (the nodes a proof
     * reads follow from the position and the size alone, so a first walk with no hashes names them), then the proof.
     */
    static List<byte[]> inclusion(LogTiles tiles, long position, long treeSize) throws SQLException {
        if (position >= 0 && position < treeSize) {
            List<long[]> nodes = new ArrayList<>();
            MerkleLog.inclusionProof(position, treeSize, (level, index) -> {
                nodes.add(new long[] {level, index});
                return NO_HASH;
            });
            tiles.prefetch(nodes);
        }
        return MerkleLog.inclusionProof(position, treeSize, tiles);
    }

    /** What the walk that names a proof's nodes gets for each (never hashed into anything returned). */
    private static final byte[] NO_HASH = new byte[MerkleLog.HASH_SIZE];

    static List<byte[]> consistency(Connection c, long first, long second) {
        return MerkleLog.consistencyProof(first, second, new LogTiles(c));
    }

    /** The leaf hash recorded at a position. */
    static byte[] leafHash(Connection c, long position) {
        return new LogTiles(c).node(0, position);
    }

    static byte[] root(Connection c, long treeSize) {
        return MerkleLog.root(treeSize, new LogTiles(c));
    }
}
