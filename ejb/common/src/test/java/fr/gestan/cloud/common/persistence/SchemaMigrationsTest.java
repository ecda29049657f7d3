package fr.gestan.cloud.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** A renamed module keeps the migration history of a database created under its former name. */
class SchemaMigrationsTest {

    @Test
    void a_renamed_module_adopts_its_former_history_and_reapplies_nothing() throws SQLException {
        DataSource database = h2("renamed");
        assertEquals(1, SchemaMigrations.migrate(database, "formerly", loader()).migrationsExecuted);

        assertEquals(0, SchemaMigrations.migrate(database, "renamed", "formerly", loader()).migrationsExecuted);
        assertTrue(tableExists(database, "schema_history_renamed"));
        assertFalse(tableExists(database, "schema_history_formerly"));
        // A second start finds the new history in place.
        assertEquals(0, SchemaMigrations.migrate(database, "renamed", "formerly", loader()).migrationsExecuted);
    }

    @Test
    void without_the_former_name_the_renamed_module_would_run_its_scripts_again_and_fail() {
        DataSource database = h2("fails");
        SchemaMigrations.migrate(database, "formerly", loader());
        assertThrows(FlywayException.class, () -> SchemaMigrations.migrate(database, "renamed", loader()));
    }

    @Test
    void a_new_database_simply_migrates_under_the_new_name() throws SQLException {
        DataSource database = h2("fresh");
        assertEquals(1, SchemaMigrations.migrate(database, "renamed", "formerly", loader()).migrationsExecuted);
        assertTrue(tableExists(database, "schema_history_renamed"));
    }

    private static ClassLoader loader() {
        return SchemaMigrationsTest.class.getClassLoader();
    }

    private static boolean tableExists(DataSource database, String table) throws SQLException {
        try (Connection connection = database.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private static DataSource h2(String name) {
        String url = "jdbc:h2:mem:" + name + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return DriverManager.getConnection(url, "sa", "");
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
