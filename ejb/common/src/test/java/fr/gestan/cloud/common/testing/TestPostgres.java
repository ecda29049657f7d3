package fr.gestan.cloud.common.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server a module's unit tests may use besides H2: the one named by {@code GESTAN_TEST_DB_URL}, as
 * user {@code postgres}. Without it, a test that asks for it is skipped (shared by the modules through this module's
 * test jar).
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** The server's JDBC URL; skips the calling test when none is named. */
    public static String url() {
        String url = System.getenv("GESTAN_TEST_DB_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "GESTAN_TEST_DB_URL names no PostgreSQL server");
        return url;
    }

    /** A connection to the server; skips the calling test when none is named. */
    public static Connection connect() throws SQLException {
        return connect(url());
    }

    /** A connection to {@code url} (a database of the server) as its administrator. */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** What a test does with a database. */
    public interface DatabaseUse {
        void accept(javax.sql.DataSource database) throws SQLException;
    }

    /**
     * Runs {@code use} on a new, empty database of the server named {@code prefix} and this JVM's pid (suites run side by
     * side on one PostgreSQL: worktrees, CI beside a developer), dropped afterwards; skips the calling test when no
     * server is named.
     */
    public static void withNewDatabase(String prefix, DatabaseUse use) throws SQLException {
        String url = url();
        String database = prefix + ProcessHandle.current().pid();
        try (Connection admin = connect(url); java.sql.Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        }
        org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
        postgres.setURL(url.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1"));
        postgres.setUser("postgres");
        postgres.setPassword("postgres");
        try {
            use.accept(postgres);
        } finally {
            try (Connection admin = connect(url); java.sql.Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }
}
