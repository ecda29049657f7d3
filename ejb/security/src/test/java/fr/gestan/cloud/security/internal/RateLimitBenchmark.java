package fr.gestan.cloud.security.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One rate-limit call and its commit, as {@code RateLimitsBean} makes them for each limited request (/verify?number=),
 * three ways alternated call by call on one PostgreSQL connection: the three statements committed as any transaction
 * (main before 4.23), the same committed without waiting for the WAL flush, and {@link TokenBuckets#acquire} (one
 * upsert, committed without the flush). A program, not a test ({@code mvn verify} does not run it). It creates its
 * own scratch schema and drops it. From the repository root after {@code mvn -o -q -pl ejb/security -am test-compile}:
 * <pre>
 * java -cp ejb/security/target/classes:ejb/security/target/test-classes:$HOME/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar \
 *      fr.gestan.cloud.security.internal.RateLimitBenchmark jdbc:postgresql://127.0.0.1:5432/postgres postgres postgres 2000
 * </pre>
 * Arguments: JDBC URL, user, password, calls of each way. Prints each way's mean, p50, p95 and p99 in milliseconds and
 * their ratios to the upsert's, measured in the same run.
 */
public final class RateLimitBenchmark {

    private static final String[] WAYS = {"3 statements, commit waits for the flush", "3 statements, commit without the flush",
        "1 upsert, commit without the flush (TokenBuckets.acquire)"};

    private RateLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> given = List.of(args);
        List<String> a = new ArrayList<>(List.of("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", "2000"));
        for (int i = 0; i < Math.min(given.size(), a.size()); i++) {
            a.set(i, given.get(i)); // url, user, password, calls: the defaults above where not given
        }
        String url = a.get(0);
        int calls = Integer.parseInt(a.get(3));
        String schema = "ratelimit_bench_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, a.get(1), a.get(2))) {
            try (Statement sql = c.createStatement()) {
                sql.execute("create schema " + schema);
                sql.execute("set search_path to " + schema);
                // V9__rate_limit.sql
                sql.execute("create table rate_limit_bucket (bucket_key varchar(200) primary key, tokens double precision not null,"
                        + " updated_at bigint not null, full_at bigint not null)");
                sql.execute("create index rate_limit_bucket_full_at_ix on rate_limit_bucket (full_at)");
            }
            try {
                c.setAutoCommit(false);
                long[][] nanos = new long[WAYS.length][calls];
                for (int i = -calls / 10; i < calls; i++) { // a tenth first as warm-up, not counted
                    for (int way = 0; way < WAYS.length; way++) {
                        long t = System.nanoTime();
                        call(c, way, "verify:198.51.100." + way);
                        if (i >= 0) {
                            nanos[way][i] = System.nanoTime() - t;
                        }
                    }
                }
                double upsertMean = Arrays.stream(nanos[2]).average().orElseThrow();
                long[] upsert = nanos[2].clone();
                Arrays.sort(upsert);
                System.out.printf("| way (%,d calls each, alternated) | mean ms | p50 ms | p95 ms | p99 ms | mean / p95 to the upsert's |%n"
                        + "| --- | ---: | ---: | ---: | ---: | ---: |%n", calls);
                for (int way = 0; way < WAYS.length; way++) {
                    long[] sorted = nanos[way].clone();
                    Arrays.sort(sorted);
                    double mean = Arrays.stream(sorted).average().orElseThrow();
                    System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.1f× / %.1f× |%n", WAYS[way], mean / 1e6,
                            at(sorted, 0.50) / 1e6, at(sorted, 0.95) / 1e6, at(sorted, 0.99) / 1e6, mean / upsertMean,
                            (double) at(sorted, 0.95) / at(upsert, 0.95));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                try (Statement sql = c.createStatement()) {
                    sql.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    /** One call in its own transaction; a burst that never runs out, as for the measurements of the pages. */
    private static void call(Connection c, int way, String key) throws SQLException {
        long now = System.currentTimeMillis();
        if (way == 2) {
            TokenBuckets.acquire(c, key, 1_000_000, 1_000_000, now);
        } else {
            if (way == 1) {
                try (Statement sql = c.createStatement()) {
                    sql.execute("set local synchronous_commit = off");
                }
            }
            TokenBuckets.acquireLocked(c, key, 1_000_000, 1_000_000 / 60_000.0, now);
        }
        c.commit();
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
