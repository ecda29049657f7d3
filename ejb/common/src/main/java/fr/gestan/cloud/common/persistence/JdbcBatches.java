package fr.gestan.cloud.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Bulk inserts through JDBC batches, for the appends whose volume would cost a round trip per persisted entity (an
 * identity id each): the journal's bulk record and the import of a server's measurement history. Call it with the
 * datasource's connection inside the caller's transaction: the rows commit or roll back with the caller's work.
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
}
