package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.security.api.RateLimits.Decision;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared token buckets on the real schema (the security module's migrations), on H2 in PostgreSQL mode and,
 * when GESTAN_TEST_DB_URL names a PostgreSQL server, on PostgreSQL too (in a scratch schema, dropped afterwards).
 * Two data sources on one database stand for two application nodes.
 */
class TokenBucketsTest {

    private static final long T0 = 1_764_780_000_000L;

    private final List<Runnable> cleanups = new ArrayList<>();

    static List<Arguments> databases() {
        List<Arguments> databases = new ArrayList<>();
        databases.add(Arguments.of("h2"));
        String pg = System.getenv("GESTAN_TEST_DB_URL");
        if (pg != null && !pg.isBlank()) {
            databases.add(Arguments.of("postgresql"));
        }
        return databases;
    }

    private DataSource nodeA;
    private DataSource nodeB;

    @BeforeEach
    void clean() {
        cleanups.clear();
    }

    @AfterEach
    void cleanup() {
        cleanups.forEach(Runnable::run);
    }

    private void open(String kind) throws SQLException {
        if (kind.equals("h2")) {
            String url = "jdbc:h2:mem:buckets" + System.nanoTime()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            nodeA = h2(url);
            nodeB = h2(url);
        } else {
            String url = System.getenv("GESTAN_TEST_DB_URL");
            String user = System.getenv().getOrDefault("GESTAN_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("GESTAN_TEST_DB_PASSWORD", "");
            String schema = "ratelimit_test_" + System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
            cleanups.add(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            nodeA = pg(url, user, password, schema);
            nodeB = pg(url, user, password, schema);
        }
        SchemaMigrations.migrate(nodeA, "security", TokenBucketsTest.class.getClassLoader());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void two_nodes_share_one_allowance(String kind) throws SQLException {
        open(kind);
        for (int i = 0; i < 3; i++) {
            assertTrue(acquire(nodeA, "verify:198.51.100.7", 5, 30, T0).allowed());
        }
        assertTrue(acquire(nodeB, "verify:198.51.100.7", 5, 30, T0).allowed());
        assertTrue(acquire(nodeB, "verify:198.51.100.7", 5, 30, T0).allowed());
        Decision refusedOnB = acquire(nodeB, "verify:198.51.100.7", 5, 30, T0);
        Decision refusedOnA = acquire(nodeA, "verify:198.51.100.7", 5, 30, T0);
        assertFalse(refusedOnB.allowed());
        assertFalse(refusedOnA.allowed());
        assertEquals(2, refusedOnA.retryAfterSeconds(), "30 per minute: one token every 2 s");
        // Another address has its own bucket.
        assertTrue(acquire(nodeA, "verify:203.0.113.9", 5, 30, T0).allowed());
        // 2 s later one token came back, usable on either node, once.
        assertTrue(acquire(nodeB, "verify:198.51.100.7", 5, 30, T0 + 2_000).allowed());
        assertFalse(acquire(nodeA, "verify:198.51.100.7", 5, 30, T0 + 2_000).allowed());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrent_requests_on_two_nodes_never_exceed_the_burst(String kind) throws Exception {
        open(kind);
        int capacity = 20;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                DataSource node = i % 2 == 0 ? nodeA : nodeB;
                Callable<Boolean> call = () -> {
                    start.await();
                    return acquire(node, "ingest:192.0.2.1", capacity, 1, T0).allowed();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : results) {
                allowed += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(capacity, allowed);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void buckets_full_again_are_purged_and_used_ones_kept(String kind) throws SQLException {
        open(kind);
        acquire(nodeA, "verify:198.51.100.1", 20, 30, T0);          // full again 2 s later
        for (int i = 0; i < 20; i++) {
            acquire(nodeA, "verify:198.51.100.2", 20, 30, T0);      // empty: full again 40 s later
        }
        try (Connection c = nodeB.getConnection()) {
            assertEquals(0, TokenBuckets.purge(c, T0 + 1_000, 100));
            assertEquals(1, TokenBuckets.purge(c, T0 + 10_000, 100));
            assertEquals(1, rows(c));
            assertEquals(1, TokenBuckets.purge(c, T0 + 41_000, 100));
            assertEquals(0, rows(c));
        }
        // A purged bucket starts full again.
        assertTrue(acquire(nodeA, "verify:198.51.100.2", 20, 30, T0 + 41_000).allowed());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void the_request_after_the_burst_is_refused_and_refills_come_as_before(String kind) throws SQLException {
        open(kind);
        // The buckets' arithmetic in memory, run beside the database on the same calls.
        Model model = new Model(30, 30);
        for (int i = 1; i <= 30; i++) {
            assertTrue(acquire(i % 2 == 0 ? nodeA : nodeB, "verify:198.51.100.9", 30, 30, T0).allowed(), "request " + i);
        }
        Decision thirtyFirst = acquire(nodeA, "verify:198.51.100.9", 30, 30, T0);
        assertFalse(thirtyFirst.allowed());
        assertEquals(2, thirtyFirst.retryAfterSeconds());
        for (int i = 0; i < 31; i++) {
            model.acquire(T0);
        }
        // Refills, partial tokens, a clock 5 s behind another node's, a bucket full again after a long pause.
        long[] offsets = {500, 1_999, 2_000, 2_001, 2_500, -3_000, 3_000, 4_100, 4_100, 4_100, 9_000, 9_050, 70_000,
            70_000, 70_001, 140_000, 140_000};
        for (int i = 0; i < offsets.length; i++) {
            long now = T0 + offsets[i];
            Decision expected = model.acquire(now);
            Decision actual = acquire(i % 2 == 0 ? nodeA : nodeB, "verify:198.51.100.9", 30, 30, now);
            assertEquals(expected, actual, "call at T0 + " + offsets[i] + " ms");
        }
        try (Connection c = nodeA.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select tokens, updated_at, full_at from rate_limit_bucket")) {
            assertTrue(row.next());
            assertEquals(model.tokens, row.getDouble(1), 1e-9);
            assertEquals(model.updatedAt, row.getLong(2));
            assertEquals(model.fullAt, row.getLong(3));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void on_postgresql_a_call_is_one_statement_committed_without_waiting_for_the_wal_flush(String kind) throws SQLException {
        open(kind);
        boolean pg = kind.equals("postgresql");
        try (Connection c = nodeA.getConnection()) {
            c.setAutoCommit(false);
            int[] statements = {0};
            Connection counted = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            statements[0]++;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            assertTrue(TokenBuckets.acquire(counted, "verify:198.51.100.4", 5, 30, T0).allowed());
            assertEquals(pg ? 1 : 3, statements[0], "statements of a new bucket's call");
            statements[0] = 0;
            assertTrue(TokenBuckets.acquire(counted, "verify:198.51.100.4", 5, 30, T0).allowed());
            assertEquals(pg ? 1 : 3, statements[0], "statements of a call on an existing bucket");
            if (pg) {
                assertEquals("off", setting(c, "synchronous_commit"), "this transaction commits without the flush");
            }
            c.commit();
            if (pg) {
                assertEquals("on", setting(c, "synchronous_commit"), "the pooled connection's next transactions wait for it");
            }
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    /** One key's bucket in memory: linear refill capped at the capacity, a token taken when there is one. */
    private static final class Model {
        final int capacity;
        final double perMilli;
        double tokens;
        long updatedAt = Long.MIN_VALUE;
        long fullAt;

        Model(int capacity, int perMinute) {
            this.capacity = capacity;
            this.perMilli = perMinute / 60_000.0;
        }

        Decision acquire(long now) {
            if (updatedAt == Long.MIN_VALUE) {
                tokens = capacity;
                updatedAt = now;
            }
            double refilled = Math.min(capacity, tokens + Math.max(0, now - updatedAt) * perMilli);
            if (refilled < 1) { // refused: the bucket stays as it was
                return new Decision(false, Math.max(1, (long) Math.ceil((1 - refilled) / perMilli / 1000.0)));
            }
            long stamp = Math.max(now, updatedAt);
            refilled -= 1;
            tokens = refilled;
            updatedAt = stamp;
            fullAt = stamp + (long) Math.ceil((capacity - refilled) / perMilli);
            return new Decision(true, 0);
        }
    }

    private static int rows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from rate_limit_bucket")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** One call in its own transaction, as RateLimitsBean's REQUIRES_NEW does. */
    private static Decision acquire(DataSource node, String key, int capacity, int perMinute, long now) throws SQLException {
        try (Connection c = node.getConnection()) {
            c.setAutoCommit(false);
            try {
                Decision decision = TokenBuckets.acquire(c, key, capacity, perMinute, now);
                c.commit();
                return decision;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static DataSource h2(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        return h2;
    }

    private static DataSource pg(String url, String user, String password, String schema) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(user);
        pg.setPassword(password);
        pg.setCurrentSchema(schema);
        return pg;
    }
}
