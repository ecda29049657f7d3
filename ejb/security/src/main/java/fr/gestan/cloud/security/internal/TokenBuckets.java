package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.RateLimits.Decision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Token buckets in table {@code rate_limit_bucket}, on the connection of the caller's transaction; two nodes taking
 * from one bucket at once are serialised by the row's lock, so they share one allowance.
 * <p>
 * On PostgreSQL one call is one statement: an upsert ({@code insert ... on conflict do update ... where}) that refills
 * and takes a token only when one is there, and returns the row when it took one; a refused call (no row returned)
 * then reads the bucket for its Retry-After. Its transaction commits without waiting for the WAL flush
 * ({@code synchronous_commit} off for it alone): a bucket lost in a database crash only hands out a few tokens again,
 * and that wait was the slowest step of a limited page on a busy disk (docs/performance.md, 4.23).
 * <p>
 * A refused call changes nothing, on either path: the refill is linear and capped at a capacity it has not reached,
 * so the row as it was gives the same later answers.
 * <p>
 * Elsewhere (H2, whose PostgreSQL mode has no {@code on conflict do update}) an insert that does nothing when the row
 * exists, a {@code select ... for update} that locks it until the transaction ends, then an update.
 * <p>
 * The caller must commit promptly (a transaction of its own), or the row stays locked.
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
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return acquireInOneStatement(connection, bucketKey, capacity, perMilli, nowMillis);
        }
        return acquireLocked(connection, bucketKey, capacity, perMilli, nowMillis);
    }

    /** The three statements (H2's path; RateLimitBenchmark runs it on PostgreSQL too). */
    static Decision acquireLocked(Connection connection, String bucketKey, int capacity, double perMilli, long nowMillis)
            throws SQLException {
        update(connection, "insert into rate_limit_bucket (bucket_key, tokens, updated_at, full_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", bucketKey, (double) capacity, nowMillis, nowMillis);
        Bucket bucket = read(connection, bucketKey, " for update");
        if (bucket == null) {
            // Purged between our insert and this select (it was full): a full bucket, as if new.
            return acquireLocked(connection, bucketKey, capacity, perMilli, nowMillis);
        }
        double tokens = bucket.refilled(capacity, perMilli, nowMillis);
        if (tokens < 1) {
            return refused(tokens, perMilli); // the row as it was (see the class comment)
        }
        tokens -= 1;
        long stamp = Math.max(nowMillis, bucket.updatedAt());
        long fullAt = stamp + (long) Math.ceil((capacity - tokens) / perMilli);
        update(connection, "update rate_limit_bucket set tokens = ?, updated_at = ?, full_at = ? where bucket_key = ?",
                tokens, stamp, fullAt, bucketKey);
        return new Decision(true, 0);
    }

    /**
     * The upsert: {@code b} is the row as it was; the same refill, stamp and full time as the three-statement path,
     * computed by the database in the same double precision.
     */
    private static final String UPSERT = "with commit_without_flush as (select set_config('synchronous_commit', 'off', true))"
            + " insert into rate_limit_bucket as b (bucket_key, tokens, updated_at, full_at)"
            + " select ?, ?, ?, ? from commit_without_flush" // a new bucket: full, less this call's token
            + " on conflict (bucket_key) do update set"
            + " tokens = least(?, b.tokens + greatest(0, ? - b.updated_at) * ?) - 1,"
            + " updated_at = greatest(?, b.updated_at),"
            + " full_at = greatest(?, b.updated_at) + ceil((? - (least(?, b.tokens + greatest(0, ? - b.updated_at) * ?) - 1)) / ?)"
            + " where least(?, b.tokens + greatest(0, ? - b.updated_at) * ?) >= 1" // else no token: no update, no row
            + " returning tokens";

    private static Decision acquireInOneStatement(Connection connection, String bucketKey, int capacity, double perMilli,
            long nowMillis) throws SQLException {
        double full = capacity;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            bind(upsert, bucketKey, full - 1, nowMillis, nowMillis + (long) Math.ceil(1 / perMilli),
                    full, nowMillis, perMilli,
                    nowMillis,
                    nowMillis, full, full, nowMillis, perMilli, perMilli,
                    full, nowMillis, perMilli);
            try (ResultSet row = upsert.executeQuery()) {
                if (row.next()) {
                    return new Decision(true, 0);
                }
            }
        }
        Bucket bucket = read(connection, bucketKey, "");
        if (bucket == null) {
            // Purged since (it was full again): this time the upsert inserts it.
            return acquireInOneStatement(connection, bucketKey, capacity, perMilli, nowMillis);
        }
        return refused(bucket.refilled(capacity, perMilli, nowMillis), perMilli);
    }

    /** A bucket's row as read. */
    private record Bucket(double tokens, long updatedAt) {

        /** Refilled for the time elapsed; a clock behind another node's (now < updatedAt) refills nothing. */
        double refilled(int capacity, double perMilli, long nowMillis) {
            return Math.min(capacity, tokens + Math.max(0, nowMillis - updatedAt) * perMilli);
        }
    }

    /** The bucket's row ({@code lock}: "" or " for update"), null when there is none. */
    private static Bucket read(Connection connection, String bucketKey, String lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select tokens, updated_at from rate_limit_bucket where bucket_key = ?" + lock)) {
            select.setString(1, bucketKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Bucket(row.getDouble(1), row.getLong(2)) : null;
            }
        }
    }

    private static Decision refused(double tokens, double perMilli) {
        return new Decision(false, Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000.0)));
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
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
