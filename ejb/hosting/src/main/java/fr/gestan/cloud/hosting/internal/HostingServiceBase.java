package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A journaled service of the hosting module: its persistence unit and the one guard of a client's tenant
 * ({@link CallerTenancy}), beside the journal, caller and clock; the input constraints of its business interface are checked ({@link ValidatesBusinessInterface}, inherited by every bean below).
 */
@ValidatesBusinessInterface
public abstract class HostingServiceBase extends JournaledService {

    @PersistenceContext(unitName = "hosting")
    protected EntityManager em;
    /** Confines a client to its own tenant: the only way this module's services enforce it (issue 12). */
    @EJB
    protected CallerTenancy tenancy;
    /** What a transaction keeps of its reads ({@link TenantContracts}: a tenant's contracts, read once per transaction). */
    @Resource
    protected TransactionSynchronizationRegistry transactions;
}
