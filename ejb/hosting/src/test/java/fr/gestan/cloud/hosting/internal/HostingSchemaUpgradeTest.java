package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.common.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A database created when this module was called "contracts" upgrades untouched: its history table is carried over,
 * no migration runs again and the data stay. The old release is reproduced as it migrated: the same scripts (Flyway
 * records their names and checksums, not their folder) with the history table {@code schema_history_contracts}.
 */
class HostingSchemaUpgradeTest {

    @Test
    void an_h2_database_of_the_previous_release_upgrades_untouched() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:upgrade" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        upgradesUntouched(h2);
    }

    @Test
    void a_postgresql_database_of_the_previous_release_upgrades_untouched() throws SQLException {
        TestPostgres.withNewDatabase("gestan_upgrade_test_", HostingSchemaUpgradeTest::upgradesUntouched);
    }

    private static void upgradesUntouched(DataSource database) throws SQLException {
        ClassLoader loader = HostingSchema.class.getClassLoader();
        int scripts = Flyway.configure(loader).dataSource(database).locations("classpath:db/migration/hosting")
                .table("schema_history_contracts").baselineOnMigrate(true).baselineVersion("0").load()
                .migrate().migrationsExecuted;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into data_centre (code, city, country_code, operator_name) values ('DC9', 'Lyon', 'FR', 'Op')");
        }

        assertEquals(0, SchemaMigrations.migrate(database, "hosting", "contracts", loader).migrationsExecuted);

        assertEquals(scripts, count(database, "select count(*) from \"schema_history_hosting\" where \"success\" and \"type\" = 'SQL'"));
        assertEquals(1, count(database, "select count(*) from data_centre where code = 'DC9'"));
        assertEquals(0, SchemaMigrations.migrate(database, "hosting", "contracts", loader).migrationsExecuted);
    }

    private static long count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
