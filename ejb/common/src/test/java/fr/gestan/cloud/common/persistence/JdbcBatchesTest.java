package fr.gestan.cloud.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
}
