package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.persistence.ModuleSchema;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/** Brings this module's tables up to date when the application is deployed. */
@Startup
@Singleton
public class ComplianceSchema extends ModuleSchema {

    public ComplianceSchema() {
        super("compliance");
    }
}
