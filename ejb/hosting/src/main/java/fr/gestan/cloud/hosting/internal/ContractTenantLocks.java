package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Serialises contract creations per tenant (see {@link ContractTenantLock}). */
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class ContractTenantLocks {

    @PersistenceContext(unitName = "hosting")
    EntityManager em;
    @EJB
    ContractTenantLocks self;

    /** Locks the tenant's row until the caller's transaction ends, creating the row on the tenant's first contract. */
    public void lock(String tenantSiren) {
        if (em.find(ContractTenantLock.class, tenantSiren, LockModeType.PESSIMISTIC_WRITE) != null) {
            return;
        }
        try {
            self.create(tenantSiren);
        } catch (EJBException concurrentFirstContract) {
            // Another creation inserted the row at the same moment (primary key): it exists now, lock it below.
        }
        em.find(ContractTenantLock.class, tenantSiren, LockModeType.PESSIMISTIC_WRITE);
    }

    /** In its own transaction, so that the row is visible to every concurrent creation at once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String tenantSiren) {
        em.persist(new ContractTenantLock(tenantSiren));
        em.flush();
    }
}
