package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.ModuleSchema;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

/**
 * Brings this module's tables up to date when the application is deployed. The module was called "contracts"
 * before: a database created then keeps its migration history.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // no container transaction around Flyway: see ModuleSchema
public class HostingSchema extends ModuleSchema {

    public HostingSchema() {
        super("hosting", "contracts");
    }
}
