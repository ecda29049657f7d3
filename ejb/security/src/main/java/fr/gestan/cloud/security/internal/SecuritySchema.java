package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.ModuleSchema;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;

/**
 * Brings this module's tables up to date when the application is deployed, installs the journal's append-only
 * triggers, and keeps the application's role from rewriting the journal, all as the schema's owner.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // no container transaction around Flyway: see ModuleSchema
public class SecuritySchema extends ModuleSchema {

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource applicationDataSource;

    public SecuritySchema() {
        super("security");
    }

    @Override
    protected void afterMigration() {
        JournalGuard.install(dataSource);
        DatabaseRoles.restrict(dataSource, applicationDataSource);
    }
}
