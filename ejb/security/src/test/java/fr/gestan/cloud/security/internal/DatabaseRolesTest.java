package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The journal's protection by the database itself. On PostgreSQL (when GESTAN_TEST_DB_URL names a server, trust
 * authentication): a scratch database set up by the real {@code ear/src/main/db/GestanRoles.java}, migrated by the
 * owner role; the application role then cannot UPDATE, DELETE or TRUNCATE the journal, drop or disable its
 * triggers, or run DDL, yet works on the other tables. On H2: the Java trigger refuses UPDATE and DELETE.
 */
class DatabaseRolesTest {

    private static final String UPDATE = "update journal_entry set reason = 'rewritten'";
    private static final String INSERT_ENTRY = "insert into journal_entry (occurred_at, actor, actor_role, action, outcome)"
            + " values (current_timestamp, 'someone', 'support', 'SECRET_REVEALED', 'SUCCESS')";

    @Test
    void on_h2_the_java_trigger_refuses_update_and_delete_of_the_journal() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:roles" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        SchemaMigrations.migrate(h2, "security", getClass().getClassLoader());
        JournalGuard.install(h2);
        JournalGuard.install(h2); // at every deployment: installing again is harmless
        try (Connection c = h2.getConnection(); Statement sql = c.createStatement()) {
            sql.execute(INSERT_ENTRY);
            for (String statement : List.of(UPDATE, "delete from journal_entry")) { // row triggers: a row is needed
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
            sql.execute(INSERT_ENTRY); // appending still works
            assertEquals(1, sql.executeUpdate("update journal_head set seq = seq where id = 1"), "other tables stay writable");
        }
        assertFalse(DatabaseRoles.restrict(h2, h2).restricted(), "H2 says it is for trying only");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "GESTAN_TEST_DB_URL", matches = "jdbc:postgresql:.+")
    void on_postgresql_the_application_role_cannot_rewrite_the_journal_nor_drop_its_guard() throws Exception {
        String adminUrl = System.getenv("GESTAN_TEST_DB_URL");
        String admin = System.getenv().getOrDefault("GESTAN_TEST_DB_USER", "postgres");
        String adminPassword = System.getenv().getOrDefault("GESTAN_TEST_DB_PASSWORD", "");
        String suffix = Long.toString(System.nanoTime());
        String database = "roles_test_" + suffix;
        String owner = "roles_owner_" + suffix;
        String app = "roles_app_" + suffix;
        String url = adminUrl.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + database);
        try (Connection c = DriverManager.getConnection(adminUrl, admin, adminPassword); Statement sql = c.createStatement()) {
            sql.execute("create database " + database);
        }
        try {
            runGestanRoles(url, admin, adminPassword, owner, app);
            runGestanRoles(url, admin, adminPassword, owner, app); // idempotent
            DataSource ownerDs = pg(url, owner);
            DataSource appDs = pg(url, app);
            SchemaMigrations.migrate(ownerDs, "security", getClass().getClassLoader());
            JournalGuard.install(ownerDs);
            DatabaseRoles.Outcome outcome = DatabaseRoles.restrict(ownerDs, appDs);
            assertEquals(app, outcome.applicationRole());
            assertTrue(outcome.restricted());

            try (Connection c = appDs.getConnection(); Statement sql = c.createStatement()) {
                sql.execute(INSERT_ENTRY);
                assertEquals(1, sql.executeUpdate("update journal_head set seq = seq where id = 1"), "other tables stay writable");
                for (String statement : List.of(UPDATE, "delete from journal_entry", "delete from journal_checkpoint",
                        "delete from journal_leaf", "update journal_leaf set authentic = false", "truncate journal_entry", "drop trigger journal_entry_append_only on journal_entry",
                        "alter table journal_entry disable trigger user", "drop table journal_checkpoint",
                        "create table intruder (id int)", "create or replace function journal_append_only() returns"
                                + " trigger language plpgsql as $$ begin return new; end $$")) {
                    SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
                    assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
                }
            }
            // The owner, who could drop them, meets the triggers.
            try (Connection c = ownerDs.getConnection(); Statement sql = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(UPDATE));
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
            // A hand-made grant is taken back at the next deployment.
            try (Connection c = DriverManager.getConnection(url, admin, adminPassword); Statement sql = c.createStatement()) {
                sql.execute("grant update, delete on journal_entry to " + app);
            }
            assertTrue(DatabaseRoles.restrict(ownerDs, appDs).restricted());
            try (Connection c = appDs.getConnection(); Statement sql = c.createStatement()) {
                assertEquals("42501", assertThrows(SQLException.class, () -> sql.execute(UPDATE)).getSQLState());
            }
            // One role for both (today's default): allowed, but said loudly.
            assertFalse(DatabaseRoles.restrict(ownerDs, ownerDs).restricted());
        } finally {
            try (Connection c = DriverManager.getConnection(adminUrl, admin, adminPassword); Statement sql = c.createStatement()) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
                sql.execute("drop database if exists " + database);
                sql.execute("drop role if exists " + owner);
                sql.execute("drop role if exists " + app);
            }
        }
    }

    /** Runs the single-file program exactly as ./run.sh and the integration tests do. */
    private static void runGestanRoles(String url, String admin, String adminPassword, String owner, String app) throws Exception {
        Path program = Path.of(System.getProperty("user.dir")).resolve("../../ear/src/main/db/GestanRoles.java").normalize();
        assertTrue(Files.isRegularFile(program), program.toString());
        String driverJar = new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", driverJar, program.toString(), url, admin, owner, app).redirectErrorStream(true);
        pb.environment().put("GESTAN_ROLES_ADMIN_PASSWORD", adminPassword);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("Database roles ready"), output);
    }

    private static DataSource pg(String url, String user) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(user);
        pg.setPassword("unused-with-trust-authentication");
        return pg;
    }
}
