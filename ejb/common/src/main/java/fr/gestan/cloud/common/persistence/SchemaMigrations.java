package fr.gestan.cloud.common.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs one module's versioned migrations.
 * <p>
 * Each module owns its tables, its migrations under {@code db/migration/<module>} and its own history
 * table, so modules evolve their schema independently. The module's class loader is passed because the
 * EAR's library class loader cannot see resources inside the EJB jars.
 */
public final class SchemaMigrations {

    /** The JNDI name of the one datasource every module uses (H2 by default, PostgreSQL in production). */
    public static final String DATASOURCE = "java:jboss/datasources/GestanDS";

    /**
     * The JNDI name of the datasource that migrations and the journal's guard use: the same database as
     * {@link #DATASOURCE}, connected as the schema's owner, so that the application's own role needs no DDL right
     * (settings {@code gestan.db.migration.user} / {@code GESTAN_DB_MIGRATION_USER}, see docs/operations.md).
     */
    public static final String MIGRATION_DATASOURCE = "java:jboss/datasources/GestanMigrationDS";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /**
     * Synchronized: every module's @Startup migrator calls this at deployment, in parallel threads; H2 times out
     * locking its catalogue under concurrent DDL ("Timeout trying to lock table SYS"), so the modules migrate one
     * after the other (this class lives once in the EAR's lib/). Across nodes, Flyway's own lock applies.
     */
    public static synchronized MigrateResult migrate(DataSource dataSource, String module, ClassLoader moduleClassLoader) {
        return migrate(dataSource, module, null, moduleClassLoader);
    }

    /**
     * As {@link #migrate(DataSource, String, ClassLoader)} for a module that was renamed: when the history table
     * of its former name exists and the new one does not, it is renamed first, so a database created by an
     * earlier release keeps its history (Flyway identifies applied scripts by version and checksum, not location).
     */
    public static synchronized MigrateResult migrate(DataSource dataSource, String module, String formerName,
            ClassLoader moduleClassLoader) {
        if (!module.matches("[a-z]+") || (formerName != null && !formerName.matches("[a-z]+"))) {
            throw new IllegalArgumentException("module names are lower-case letters: " + module + ", " + formerName);
        }
        if (formerName != null) {
            adoptHistory(dataSource, "schema_history_" + formerName, "schema_history_" + module);
        }
        Flyway flyway = Flyway.configure(moduleClassLoader)
                .dataSource(dataSource)
                .placeholders(Map.of(GENERATED_STORED, generatedStored(dataSource)))
                .locations("classpath:db/migration/" + module)
                .table("schema_history_" + module)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        // The version from migrate's own result: flyway.info() would scan the migrations and read the history again
        // (once per module, one module after the other, at every deployment).
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema of module " + module + ": " + result.migrationsExecuted
                + " migration(s) applied, now at version " + version);
        return result;
    }

    /**
     * The placeholder {@code ${generated_stored}} of the scripts: what follows a generated column's expression,
     * {@code " stored"} on PostgreSQL (which has stored generated columns only, and requires the word) and nothing on H2
     * (which refuses it). Flyway computes a script's checksum before it replaces placeholders.
     */
    static final String GENERATED_STORED = "generated_stored";

    static String generatedStored(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return generatedStored(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database's product", e);
        }
    }

    static String generatedStored(String product) {
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgres") ? " stored" : "";
    }

    private static void adoptHistory(DataSource dataSource, String former, String current) {
        try (Connection connection = dataSource.getConnection()) {
            String found = storedName(connection, former);
            if (found != null && storedName(connection, current) == null) {
                // Flyway creates its table with a quoted name: rename it quoted, in the case it was stored in.
                String renamed = found.equals(former) ? current : current.toUpperCase(Locale.ROOT);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("alter table \"" + found + "\" rename to \"" + renamed + "\"");
                }
                LOG.info(() -> "Migration history " + former + " renamed " + current);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot carry the migration history " + former + " over to " + current, e);
        }
    }

    /** The table's name as the database stored it (lower or upper case), or null when there is none. */
    private static String storedName(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE", "BASE TABLE"})) {
                if (tables.next()) {
                    return name;
                }
            }
        }
        return null;
    }
}
