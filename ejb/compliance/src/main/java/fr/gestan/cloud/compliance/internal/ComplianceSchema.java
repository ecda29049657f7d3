package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.persistence.ModuleSchema;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

/**
 * Brings this module's tables up to date when the application is deployed, then has PostgreSQL store the certificates'
 * PDFs without trying to compress them ({@link PdfColumnStorage}), as the schema's owner.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // no container transaction around Flyway: see ModuleSchema
public class ComplianceSchema extends ModuleSchema {

    public ComplianceSchema() {
        super("compliance");
    }

    @Override
    protected void afterMigration() {
        PdfColumnStorage.keepUncompressed(dataSource);
    }
}
