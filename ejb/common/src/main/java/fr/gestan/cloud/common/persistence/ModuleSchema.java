package fr.gestan.cloud.common.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import javax.sql.DataSource;

/**
 * Brings a module's tables up to date when the application is deployed. Each module's subclass is its
 * {@code @Startup @Singleton} (other beans name it in {@code @DependsOn}) and names the module; the scripts are read
 * with the subclass's class loader, from {@code db/migration/<module>}.
 *
 * <p>The subclass also carries {@code @TransactionManagement(TransactionManagementType.BEAN)}: Flyway commits each
 * script itself, so no container transaction may surround it (otherwise: "Unable to turn on auto-commit"). A
 * {@code NOT_SUPPORTED} attribute on this inherited callback was not applied by WildFly (the deployment failed so).
 */
public abstract class ModuleSchema {

    @Resource(lookup = SchemaMigrations.MIGRATION_DATASOURCE) // as the schema owner: the application role has no DDL right
    protected DataSource dataSource;

    private final String module;
    private final String formerName;

    /** @param formerName the module's name before it was renamed (its migration history is kept), or null */
    protected ModuleSchema(String module, String formerName) {
        this.module = module;
        this.formerName = formerName;
    }

    protected ModuleSchema(String module) {
        this(module, null);
    }

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrate(dataSource, module, formerName, getClass().getClassLoader());
        afterMigration();
    }

    /** What a module does as the schema's owner once its tables are up to date; nothing by default. */
    protected void afterMigration() {
        // nothing
    }
}
