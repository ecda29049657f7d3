package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.common.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The staff search's lowered name (V11, {@code tenant.legal_name_lower}): the module's real migrations run on H2 (in
 * the server's PostgreSQL mode) and on PostgreSQL, and the column holds the database's own {@code lower(legal_name)}
 * after an insert and after a rename, so that a search matches the same rows as {@code lower(legal_name) like}.
 */
class TenantSearchNameMigrationTest {

    @Test
    void on_h2_the_column_is_the_database_s_lower_of_the_name() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:searchname" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        lowersAsTheDatabaseDoes(h2);
    }

    @Test
    void on_postgresql_the_column_is_the_database_s_lower_of_the_name() throws SQLException {
        TestPostgres.withNewDatabase("gestan_search_name_test_", TenantSearchNameMigrationTest::lowersAsTheDatabaseDoes);
    }

    private static void lowersAsTheDatabaseDoes(DataSource database) throws SQLException {
        SchemaMigrations.migrate(database, "tenants", TenantsSchema.class.getClassLoader());
        try (Connection c = database.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("insert into tenant (legal_name, siren, state, created_at, version)"
                        + " values ('Société ÉCHELLE 00042 SARL', '700000042', 'ACTIVE', current_timestamp, 0)");
            }
            assertEquals("société échelle 00042 sarl", lowered(c));
            assertSame(c);
            try (Statement s = c.createStatement()) {
                s.execute("update tenant set legal_name = 'BOULANGERIE Martin À Paris' where siren = '700000042'");
            }
            assertEquals("boulangerie martin à paris", lowered(c));
            assertSame(c);
            // what the search's statement matches: the same rows through the column as through lower()
            try (PreparedStatement q = c.prepareStatement("select count(*) from tenant where legal_name_lower like ?")) {
                q.setString(1, "%martin à%");
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                }
            }
        }
    }

    private static String lowered(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select legal_name_lower from tenant where siren = '700000042'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertSame(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from tenant where legal_name_lower = lower(legal_name)")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the column is the database's lower(legal_name)");
        }
    }
}
