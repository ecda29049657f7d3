package fr.gestan.cloud.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
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
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
