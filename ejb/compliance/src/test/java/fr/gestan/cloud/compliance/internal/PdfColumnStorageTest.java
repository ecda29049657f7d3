package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PdfColumnStorageTest {

    /** The table as V2__certificate_documents.sql creates it. */
    private static final String TABLE = "(number varchar(32) not null primary key, pdf bytea not null, size_bytes integer not null)";

    @Test
    void on_postgresql_the_pdfs_are_stored_external_once_and_read_back_the_same() throws SQLException {
        try (Connection c = TestPostgres.connect()) {
            try (Statement s = c.createStatement()) {
                // this session's own (suites share the server); found first by to_regclass through pg_temp
                s.execute("create temporary table certificate_document " + TABLE);
            }
            assertEquals("x", PdfColumnStorage.storage(c), "PostgreSQL's default for bytea: extended (compressed when it pays)");
            assertTrue(PdfColumnStorage.keepUncompressed(c));
            assertEquals("e", PdfColumnStorage.storage(c), "external: out of line, never compressed");
            assertFalse(PdfColumnStorage.keepUncompressed(c), "set already: no second ALTER (no lock at each deployment)");
            // a PDF-sized value goes in and comes back byte for byte
            byte[] pdf = new byte[58_000];
            new Random(19).nextBytes(pdf);
            try (PreparedStatement insert = c.prepareStatement("insert into certificate_document (number, pdf, size_bytes) values (?, ?, ?)")) {
                insert.setString(1, "GC-2026-000001");
                insert.setBytes(2, pdf);
                insert.setInt(3, pdf.length);
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pdf, pg_column_size(pdf) from certificate_document")) {
                assertTrue(rs.next());
                assertArrayEquals(pdf, rs.getBytes(1));
                assertEquals(pdf.length, rs.getInt(2), "stored as it is");
            }
        }
    }

    @Test
    void on_h2_nothing_is_changed() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:pdfstorage")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table certificate_document " + TABLE);
            }
            assertFalse(PdfColumnStorage.keepUncompressed(c));
        }
    }
}
