package fr.gestan.cloud.common.tenancy;

import jakarta.ejb.EJBAccessException;
import java.util.Optional;

/**
 * The one rule that confines a client contact to its own company. Implemented once, by the tenants module (the
 * authority on portal accounts); every module enforces it through this port, either declaratively
 * ({@link TenantConfinement} on the bean, {@link TenantRef} on the parameter) or, where the tenant is only known
 * after reading a record, by calling {@link #requireAccessTo(String)}.
 */
public interface CallerTenancy {

    /** The SIREN of the caller's company when the caller is a client contact; empty for staff and unknown users. */
    Optional<String> tenantOfCaller();

    /** Whether the caller may act on this tenant's data: staff may, a client contact only on its own company. */
    boolean mayAccess(String tenantSiren);

    /**
     * Refuses ({@link EJBAccessException}) a caller who may not act on this tenant's data.
     *
     * @see #mayAccess(String)
     */
    default void requireAccessTo(String tenantSiren) {
        if (!mayAccess(tenantSiren)) {
            throw new EJBAccessException("A client contact may only act on its own company's data");
        }
    }

    /**
     * Whether the caller is a client contact whose company is not active (suspended or terminated): such a caller is
     * refused on every request, even with a session opened before the suspension.
     */
    boolean callerRefused();
}
