package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/**
 * Brings this module's tables up to date when the application is deployed, installs the journal's append-only
 * triggers, and keeps the application's role from rewriting the journal, all as the schema's owner.
 */
@Startup
@Singleton
public class SecuritySchema {

    @Resource(lookup = SchemaMigrations.MIGRATION_DATASOURCE) // as the schema owner: the application role has no DDL right
    DataSource dataSource;

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource applicationDataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        SchemaMigrations.migrate(dataSource, "security", SecuritySchema.class.getClassLoader());
        JournalGuard.install(dataSource);
        DatabaseRoles.restrict(dataSource, applicationDataSource);
    }
}
