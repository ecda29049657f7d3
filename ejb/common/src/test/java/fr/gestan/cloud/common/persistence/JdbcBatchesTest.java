package fr.gestan.cloud.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JdbcBatchesTest {

    @Test
    void inserts_every_item_across_full_and_partial_batches() throws SQLException {
        List<Integer> items = IntStream.range(0, JdbcBatches.SIZE * 2 + 7).boxed().toList();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:batches1")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (n int primary key, label varchar(20))");
            }
            int inserted = JdbcBatches.insertAll(c, "insert into t (n, label) values (?, ?)", items, (insert, n) -> {
                insert.setInt(1, n);
                insert.setString(2, "row " + n);
            });
            assertEquals(items.size(), inserted);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*), sum(n), max(label) from t")) {
                rs.next();
                assertEquals(items.size(), rs.getInt(1));
                assertEquals(items.stream().mapToLong(Integer::longValue).sum(), rs.getLong(2));
                assertEquals("row 999", rs.getString(3));
            }
        }
    }

    @Test
    void nothing_to_insert_sends_no_batch() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:batches2")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (n int)");
            }
            assertEquals(0, JdbcBatches.insertAll(c, "insert into t (n) values (?)", List.<Integer>of(), (insert, n) -> insert.setInt(1, n)));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from t")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    /** Rows whose values need every care of COPY's text format: separators, escapes, nulls, accents, fractions. */
    private static final List<Object[]> AWKWARD = List.of(
            new Object[] {1L, "tab\there, newline\nthere", new BigDecimal("20.5"), LocalDateTime.of(2026, 12, 6, 5, 0),
                    LocalDate.of(2026, 1, 31), true, OffsetDateTime.of(2026, 12, 6, 5, 0, 1, 654_321_000, ZoneOffset.UTC)},
            new Object[] {2L, "back\\slash \\N and \r\u202fSociété", new BigDecimal("0.01"),
                    LocalDateTime.of(2026, 12, 6, 5, 0, 7, 123_456_000), null, false,
                    OffsetDateTime.of(2026, 12, 6, 7, 0, 0, 0, ZoneOffset.ofHours(2))},
            new Object[] {3L, null, new BigDecimal("100"), LocalDateTime.of(1999, 1, 1, 0, 0, 0, 999_999_000), null, null, null});

    private static final List<String> COLUMNS = List.of("n", "label", "amount", "at_time", "on_day", "flag", "stamp");

    private static final String TABLE = "n bigint primary key, label varchar(60), amount numeric(5,2) check (amount <= 100), "
            + "at_time timestamp not null, on_day date, flag boolean, stamp timestamp with time zone";

    @Test
    void copy_all_falls_back_to_batches_on_h2_and_stores_the_values_as_given() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:batches3;MODE=PostgreSQL")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (" + TABLE + ")");
            }
            storesTheAwkwardRows(c);
        }
    }

    @Test
    void copy_all_copies_on_postgresql_and_stores_the_same_values_as_on_h2() throws SQLException {
        try (Connection c = TestPostgres.connect()) {
            assertTrue(PgCopyIn.applies(c), "PgJDBC's connection: the COPY path");
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table t (" + TABLE + ")"); // this session's own: suites share the server
            }
            storesTheAwkwardRows(c);
            // a row that breaks a rule is refused as an INSERT would be: COPY checks every constraint
            assertThrows(SQLException.class, () -> JdbcBatches.copyAll(c, "t", COLUMNS, List.<Object[]>of(
                    new Object[] {9L, "over", new BigDecimal("100.01"), LocalDateTime.of(2026, 1, 1, 0, 0), null, null, null}), row -> row));
        }
        try (Connection c = TestPostgres.connect()) {
            // in a transaction rolled back, the copied rows go with it (the caller's transaction, as for the batches)
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table t (" + TABLE + ")");
            }
            c.commit();
            assertEquals(3, JdbcBatches.copyAll(c, "t", COLUMNS, AWKWARD, row -> row));
            c.rollback();
            assertTrue(read(c).isEmpty(), "rolled back with the transaction");
        }
    }

    private static void storesTheAwkwardRows(Connection c) throws SQLException {
        // more rows than one batch and than one COPY chunk, then the awkward ones
        List<Object[]> rows = new ArrayList<>();
        for (long n = 100; n < 100 + JdbcBatches.SIZE * 3L; n++) {
            rows.add(new Object[] {n, "row " + n, new BigDecimal(n % 100 + ".25"), LocalDateTime.of(2026, 12, 6, 5, 0).plusMinutes(n), null, null, null});
        }
        rows.addAll(AWKWARD);
        assertEquals(rows.size(), JdbcBatches.copyAll(c, "t", COLUMNS, rows, row -> row));
        List<List<Object>> stored = read(c);
        assertEquals(rows.size(), stored.size());
        assertEquals(List.of(1L, "tab\there, newline\nthere", new BigDecimal("20.50"), LocalDateTime.of(2026, 12, 6, 5, 0),
                LocalDate.of(2026, 1, 31), true, Instant.parse("2026-12-06T05:00:01.654321Z")), stored.get(0));
        assertEquals(java.util.Arrays.asList(2L, "back\\slash \\N and \r\u202fSociété", new BigDecimal("0.01"),
                LocalDateTime.of(2026, 12, 6, 5, 0, 7, 123_456_000), null, false, Instant.parse("2026-12-06T05:00:00Z")), stored.get(1));
        assertEquals(java.util.Arrays.asList(3L, null, new BigDecimal("100.00"), LocalDateTime.of(1999, 1, 1, 0, 0, 0, 999_999_000),
                null, null, null), stored.get(2));
        assertEquals(java.util.Arrays.asList(3099L, "row 3099", new BigDecimal("99.25"), LocalDateTime.of(2026, 12, 6, 5, 0).plusMinutes(3099),
                null, null, null), stored.get(stored.size() - 1));
    }

    private static List<List<Object>> read(Connection c) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select n, label, amount, at_time, on_day, flag, stamp from t order by n")) {
            while (rs.next()) {
                Object flag = rs.getObject(6);
                rows.add(java.util.Arrays.asList(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDateTime.class),
                        rs.getObject(5, LocalDate.class), flag == null ? null : rs.getBoolean(6),
                        rs.getObject(7) == null ? null : rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
        }
        return rows;
    }
}
