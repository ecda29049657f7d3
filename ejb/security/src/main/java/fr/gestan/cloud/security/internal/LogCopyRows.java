package fr.gestan.cloud.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Rows of a {@code COPY (…) TO STDOUT} read with PgJDBC's {@code CopyManager}, one CopyData message (a row) per
 * {@link #next()}. The only class of the module that names the driver: {@link #open} fails with a
 * {@link LinkageError} where the driver's classes are not visible, and the caller falls back to a ResultSet.
 */
final class LogCopyRows implements AutoCloseable {

    private final CopyOut copy;

    private LogCopyRows(CopyOut copy) {
        this.copy = copy;
    }

    /** Whether the connection is PgJDBC's (a {@link LinkageError} where the driver's classes are not visible). */
    static boolean supports(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    /** Null when the connection is not PgJDBC's. */
    static LogCopyRows open(Connection c, String copySql) throws SQLException {
        if (!c.isWrapperFor(PGConnection.class)) {
            return null;
        }
        return new LogCopyRows(c.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql));
    }

    /** The next row, or null at the end. */
    byte[] next() throws SQLException {
        return copy.readFromCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
