package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A journaled service of the compliance module: its persistence unit and the one guard of a client's tenant
 * ({@link CallerTenancy}), beside the journal, caller and clock; the input constraints of its business interface are checked ({@link ValidatesBusinessInterface}, inherited by every bean below).
 */
@ValidatesBusinessInterface
public abstract class ComplianceServiceBase extends JournaledService {

    @PersistenceContext(unitName = "compliance")
    protected EntityManager em;
    /** Confines a client to its own tenant: the only way this module's services enforce it (issue 12). */
    @EJB
    protected CallerTenancy tenancy;
}
