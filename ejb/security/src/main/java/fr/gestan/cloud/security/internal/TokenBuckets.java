package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.RateLimits.Decision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Token buckets in table {@code rate_limit_bucket}, on the connection of the caller's transaction. One call is an
 * insert that does nothing when the row exists ({@code on conflict do nothing}: PostgreSQL, and H2 in PostgreSQL
 * mode), then a {@code select ... for update} that locks the row until the transaction ends, then an update: two
 * nodes taking from one bucket at once are serialised by the row lock, so they share one allowance. The caller
 * must commit promptly (a transaction of its own), or the row stays locked.
 */
final class TokenBuckets {

    private TokenBuckets() {
    }

    static Decision acquire(Connection connection, String bucketKey, int capacity, int perMinute, long nowMillis)
            throws SQLException {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        double perMilli = perMinute / 60_000.0;
        update(connection, "insert into rate_limit_bucket (bucket_key, tokens, updated_at, full_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", bucketKey, (double) capacity, nowMillis, nowMillis);
        double tokens;
        long updatedAt;
        try (PreparedStatement select = connection.prepareStatement(
                "select tokens, updated_at from rate_limit_bucket where bucket_key = ? for update")) {
            select.setString(1, bucketKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    // Purged between our insert and this select (it was full): a full bucket, as if new.
                    return acquire(connection, bucketKey, capacity, perMinute, nowMillis);
                }
                tokens = row.getDouble(1);
                updatedAt = row.getLong(2);
            }
        }
        // Refill for the time elapsed; a clock behind another node's (now < updatedAt) refills nothing.
        tokens = Math.min(capacity, tokens + Math.max(0, nowMillis - updatedAt) * perMilli);
        long stamp = Math.max(nowMillis, updatedAt);
        Decision decision;
        if (tokens >= 1) {
            tokens -= 1;
            decision = new Decision(true, 0);
        } else {
            decision = new Decision(false, Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000.0)));
        }
        long fullAt = stamp + (long) Math.ceil((capacity - tokens) / perMilli);
        update(connection, "update rate_limit_bucket set tokens = ?, updated_at = ?, full_at = ? where bucket_key = ?",
                tokens, stamp, fullAt, bucketKey);
        return decision;
    }

    /** Deletes the buckets that are full again (the same as absent), at most {@code max}; returns how many. */
    static int purge(Connection connection, long nowMillis, int max) throws SQLException {
        return update(connection, "delete from rate_limit_bucket where bucket_key in"
                + " (select bucket_key from rate_limit_bucket where full_at < ? order by full_at limit ?)"
                // checked again on the row itself: a bucket used meanwhile (row locked, then updated) stays
                + " and full_at < ?", nowMillis, max, nowMillis);
    }

    /** One insert, update or delete with its parameters in order (a Long, Double, Integer or String each); its row count. */
    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
