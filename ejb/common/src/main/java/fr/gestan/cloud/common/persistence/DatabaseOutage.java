package fr.gestan.cloud.common.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises, in an exception's causes, that the database cannot be reached (connection refused or lost, server
 * shutting down or starting, pool unable to get a connection): the request is then answered 503 with
 * {@code Retry-After}, not 500, since nothing is wrong with it and it will work again once the database is back.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 50; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.startsWith("jakarta.resource.ResourceException") || name.startsWith("jakarta.resource.spi.ResourceAllocationException")
                    || name.equals("org.jboss.jca.core.connectionmanager.pool.mcp.PoolException")) {
                return true;
            }
        }
        return false;
    }
}
