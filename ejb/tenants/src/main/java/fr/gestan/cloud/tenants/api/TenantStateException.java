package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** The state change is not allowed from the tenant's current state (for example reactivating a terminated tenant). */
@ApplicationException(rollback = true)
public class TenantStateException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TenantState from;
    private final String change;

    public TenantStateException(TenantState from, String change) {
        super("Cannot " + change + " a tenant that is " + from);
        this.from = from;
        this.change = change;
    }

    public TenantState from() {
        return from;
    }

    /** suspend, reactivate, terminate, edit */
    public String change() {
        return change;
    }
}
