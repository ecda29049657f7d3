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
}
