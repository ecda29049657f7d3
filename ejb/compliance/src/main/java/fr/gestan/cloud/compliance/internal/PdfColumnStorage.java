package fr.gestan.cloud.compliance.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Has PostgreSQL store the certificates' PDFs as they are ({@code STORAGE EXTERNAL}: out of line, not compressed).
 * A signed certificate's content is deflated already: PostgreSQL's default ({@code EXTENDED}) ran its own compressor
 * over each 58 KB PDF, found it saved less than a quarter and kept it uncompressed all the same, at a cost of several
 * times the insert itself (issue 19, docs/compliance.md "Issue 19, fifth step"). The stored bytes are the same either
 * way. Set (again, idempotently) by the schema's owner at every deployment, as the journal's guard is; nothing to do on H2.
 */
final class PdfColumnStorage {

    static final String TABLE = "certificate_document";
    static final String COLUMN = "pdf";
    private static final Logger LOG = Logger.getLogger(PdfColumnStorage.class.getName());

    private PdfColumnStorage() {
    }

    static void keepUncompressed(DataSource owner) {
        try (Connection c = owner.getConnection()) {
            keepUncompressed(c);
        } catch (SQLException e) {
            // the PDFs are stored all the same, only at a higher cost
            LOG.warning("Could not set the storage of the certificates' PDFs (they are stored all the same): " + e);
        }
    }

    /** On PostgreSQL, sets {@code certificate_document.pdf} to {@code STORAGE EXTERNAL} unless it is already; returns whether it changed it. */
    static boolean keepUncompressed(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return false;
        }
        if ("e".equals(storage(c))) {
            return false; // no ALTER (and no lock on the table) when it is set already
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table " + TABLE + " alter column " + COLUMN + " set storage external");
        }
        return true;
    }

    /** PostgreSQL's storage strategy of the PDF column ({@code x} extended, {@code e} external, ...). */
    static String storage(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select a.attstorage from pg_attribute a"
                + " where a.attrelid = to_regclass(?) and a.attname = ? and not a.attisdropped")) {
            q.setString(1, TABLE);
            q.setString(2, COLUMN);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
