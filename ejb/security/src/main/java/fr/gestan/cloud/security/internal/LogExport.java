package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Journal exports in the v2 format of {@link JournalVerifier.Export} (the leaves below a signed size never change).
 * Plain JDBC (unit-tested without a container). A tenant export holds that tenant's entries only, each with its inclusion
 * proof in the export's checkpoint, plus the consistency proof from the tenant's previous export's checkpoint: its
 * size grows with the tenant's entries, not with the log (the entries are found through
 * {@code journal_entry_tenant_ix}, their positions through {@code journal_leaf_entry_ux}).
 */
final class LogExport {

    /** The target of a tenant export's {@code JOURNAL_EXPORTED} entry, followed by the checkpoint's tree size. */
    static final String TENANT_EXPORT_TARGET = "tenant journal at tree size ";
    private static final int FETCH = 1_000;
    /** Tiles kept while a tenant's proofs are written (8 KB each at most): the right edge and upper levels, and the last leaves'. */
    static final int PROOF_TILES = 64;

    private LogExport() {
    }

    /**
     * Writes the entries that {@code signed} covers: all of them (the verifier rebuilds the tree) when
     * {@code tenantRef} is null, else the tenant's with their proofs, after the {@code P} line of {@code previous}
     * (may be null: the tenant's first export, or a previous checkpoint larger than this one).
     */
    static void write(Connection c, LogCheckpointer.Stored signed, String tenantRef, LogCheckpointer.Stored previous, Writer out)
            throws SQLException, IOException {
        JournalVerifier.Export.headerV2(out, signed.note());
        if (tenantRef != null && previous != null && previous.treeSize() <= signed.treeSize()) {
            JournalVerifier.Export.previous(out, previous.note(), previous.treeSize() == 0 || previous.treeSize() == signed.treeSize()
                    ? java.util.List.of() : LogProofs.consistency(c, previous.treeSize(), signed.treeSize()));
        }
        try (PreparedStatement q = c.prepareStatement("select l.position, s.legacy_max_id, " + LogLeaves.COLUMNS
                + " from journal_leaf l join journal_entry e on e.id = l.entry_id cross join journal_log_state s "
                + "where l.position < ?" + (tenantRef == null ? "" : " and e.tenant_ref = ?") + " order by l.position")) {
            q.setLong(1, signed.treeSize());
            if (tenantRef != null) {
                q.setString(2, tenantRef);
            }
            q.setFetchSize(FETCH);
            // one tile cache for all the tenant's proofs: the tiles they share are read once, in bounded memory
            LogTiles tiles = tenantRef == null ? null : new LogTiles(c, PROOF_TILES);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    boolean legacy = rs.getLong(3) <= rs.getLong(2);
                    long seq = rs.getLong(4);
                    Long chainSeq = rs.wasNull() ? null : seq;
                    long micros = JournalEntry.micros(rs.getObject(5, OffsetDateTime.class).toInstant());
                    var proof = tenantRef == null ? null : LogProofs.inclusion(tiles, position, signed.treeSize());
                    JournalVerifier.Export.logEntry(out, position, legacy, chainSeq, micros, rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), rs.getString(15), proof);
                }
            }
        }
    }

    /**
     * The checkpoint of the tenant's previous export: the tree size named by its newest {@code JOURNAL_EXPORTED}
     * entry (entries are never updated), and a pinned checkpoint of that size (exports pin theirs). Null if none.
     */
    static LogCheckpointer.Stored previous(Connection c, String tenantRef) throws SQLException {
        long size;
        try (PreparedStatement q = c.prepareStatement("select target from journal_entry where tenant_ref = ? and action = "
                + "'JOURNAL_EXPORTED' and target like '" + TENANT_EXPORT_TARGET + "%' order by id desc fetch first 1 rows only")) {
            q.setString(1, tenantRef);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try {
                    size = Long.parseLong(rs.getString(1).substring(TENANT_EXPORT_TARGET.length()).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("select id, tree_size, root_hash, created_at_us, note, pinned from "
                + "journal_log_checkpoint where tree_size = ? and pinned order by id fetch first 1 rows only")) {
            q.setLong(1, size);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new LogCheckpointer.Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getBoolean(6)) : null;
            }
        }
    }
}
