package fr.gestan.cloud.common.persistence;

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

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /**
     * Synchronized: every module's @Startup migrator calls this at deployment, in parallel threads; H2 times out
     * locking its catalogue under concurrent DDL ("Timeout trying to lock table SYS"), so the modules migrate one
     * after the other (this class lives once in the EAR's lib/). Across nodes, Flyway's own lock applies.
     */
    public static synchronized MigrateResult migrate(DataSource dataSource, String module, ClassLoader moduleClassLoader) {
        if (!module.matches("[a-z]+")) {
            throw new IllegalArgumentException("module names are lower-case letters: " + module);
        }
        Flyway flyway = Flyway.configure(moduleClassLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + module)
                .table("schema_history_" + module)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Schema of module " + module + ": " + result.migrationsExecuted
                + " migration(s) applied, now at version " + flyway.info().current().getVersion());
        return result;
    }
}
