package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A journaled service of the compliance module: its persistence unit, beside the journal, caller and clock. */
public abstract class ComplianceServiceBase extends JournaledService {

    @PersistenceContext(unitName = "compliance")
    protected EntityManager em;
}
