package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A journaled service of the tenants module: its persistence unit, beside the journal, caller and clock. */
public abstract class TenantsServiceBase extends JournaledService {

    @PersistenceContext(unitName = "tenants")
    protected EntityManager em;
}
