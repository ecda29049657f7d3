package fr.gestan.cloud.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Bulk inserts through JDBC batches (or PostgreSQL's COPY, {@link #copyAll}), for the appends whose volume would cost a
 * round trip per persisted entity (an identity id each): the journal's bulk record and the import of a server's
 * measurement history. Call it with the datasource's connection inside the caller's transaction: the rows commit or
 * roll back with the caller's work.
 */
public final class JdbcBatches {

    /** Rows sent to the database in one batch. */
    public static final int SIZE = 1_000;

    /** Sets one item's values on the prepared insert. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement insert, T item) throws SQLException;
    }

    private JdbcBatches() {
    }

    /** Inserts every item with {@code sql}, {@link #SIZE} rows a batch; returns how many items it inserted. */
    public static <T> int insertAll(Connection c, String sql, Iterable<? extends T> items, Binder<? super T> binder)
            throws SQLException {
        int inserted = 0;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(insert, item);
                insert.addBatch();
                inserted++;
                if (++pending == SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return inserted;
    }

    /**
     * Inserts a row into {@code table} for every item, with the item's {@code values} in the order of {@code columns}
     * (Long, Integer, Short, Boolean, BigDecimal, String, LocalDate, LocalDateTime, OffsetDateTime or null): on PostgreSQL in one
     * {@code COPY … FROM STDIN} (every constraint and trigger applies as to an INSERT, without a statement per row),
     * elsewhere (H2) or where the driver's classes are not visible through {@link #insertAll} with the same values.
     * Same connection and transaction rules as {@link #insertAll}. Returns how many rows it inserted.
     */
    public static <T> long copyAll(Connection c, String table, List<String> columns, Iterable<? extends T> items,
                                   Function<? super T, Object[]> values) throws SQLException {
        String names = String.join(", ", columns);
        if (postgres(c)) {
            return PgCopyIn.copy(c, table, names, items, values);
        }
        String sql = "insert into " + table + " (" + names + ") values (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return insertAll(c, sql, items, (insert, item) -> {
            Object[] row = values.apply(item);
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
            }
        });
    }

    private static boolean postgres(Connection c) throws SQLException {
        try {
            return PgCopyIn.applies(c);
        } catch (LinkageError driverNotVisible) {
            return false;
        }
    }
}
