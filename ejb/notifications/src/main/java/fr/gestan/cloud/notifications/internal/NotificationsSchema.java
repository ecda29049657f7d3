package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/** Brings this module's tables up to date when the application is deployed. */
@Startup
@Singleton
public class NotificationsSchema {

    @Resource(lookup = SchemaMigrations.MIGRATION_DATASOURCE) // as the schema owner: the application role has no DDL right
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        SchemaMigrations.migrate(dataSource, "notifications", NotificationsSchema.class.getClassLoader());
    }
}
