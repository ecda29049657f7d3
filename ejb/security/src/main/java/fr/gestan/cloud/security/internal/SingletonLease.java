package fr.gestan.cloud.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * A cluster-wide singleton through a lease row ({@code singleton_lease}: name, holder, expiry), in plain JDBC so that
 * it works on PostgreSQL and H2 and from any JVM. {@link #holdWithin} is called at the start of each unit of work,
 * inside its transaction: it takes the lease if it is free or expired, or renews it if held, and the row stays locked
 * until the transaction ends, so a holder that lost its lease (paused longer than the lease) can never commit work
 * beside the new holder: its update finds no row and it stops.
 */
final class SingletonLease {

    private final String name;
    private final String holder;
    private final long durationMs;
    private final LongSupplier clock;

    SingletonLease(String name, String holder, long durationMs, LongSupplier clock) {
        this.name = name;
        this.holder = holder;
        this.durationMs = durationMs;
        this.clock = clock;
    }

    String holder() {
        return holder;
    }

    /** Takes or renews the lease in the connection's current transaction; false when another holder has it. */
    boolean holdWithin(Connection connection) throws SQLException {
        long now = clock.getAsLong();
        try (PreparedStatement update = connection.prepareStatement(
                "update singleton_lease set holder = ?, expires_at_ms = ? where name = ? and (holder = ? or expires_at_ms < ?)")) {
            update.setString(1, holder);
            update.setLong(2, now + durationMs);
            update.setString(3, name);
            update.setString(4, holder);
            update.setLong(5, now);
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        if (exists(connection)) {
            return false;
        }
        // First use of this name: whoever inserts first holds it; the others fail on the primary key.
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into singleton_lease (name, holder, expires_at_ms) values (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, holder);
            insert.setLong(3, now + durationMs);
            insert.executeUpdate();
            return true;
        } catch (SQLException duplicate) {
            connection.rollback();
            return false;
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from singleton_lease where name = ?")) {
            query.setString(1, name);
            try (var rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Gives the lease up (on shutdown), so that another node need not wait for it to expire. */
    void release(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update singleton_lease set expires_at_ms = 0 where name = ? and holder = ?")) {
            update.setString(1, name);
            update.setString(2, holder);
            update.executeUpdate();
        }
    }
}
