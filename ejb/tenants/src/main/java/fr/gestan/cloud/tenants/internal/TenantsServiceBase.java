package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A journaled service of the tenants module: its persistence unit, beside the journal, caller and clock; the input
 * constraints of its business interface are checked ({@link ValidatesBusinessInterface}, inherited by every bean below).
 */
@ValidatesBusinessInterface
public abstract class TenantsServiceBase extends JournaledService {

    @PersistenceContext(unitName = "tenants")
    protected EntityManager em;
}
