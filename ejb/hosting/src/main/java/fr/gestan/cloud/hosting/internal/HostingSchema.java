package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/**
 * Brings this module's tables up to date when the application is deployed. The module was called "contracts"
 * before: a database created then keeps its migration history.
 */
@Startup
@Singleton
public class HostingSchema {

    @Resource(lookup = SchemaMigrations.MIGRATION_DATASOURCE) // as the schema owner: the application role has no DDL right
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        SchemaMigrations.migrate(dataSource, "hosting", "contracts", HostingSchema.class.getClassLoader());
    }
}
