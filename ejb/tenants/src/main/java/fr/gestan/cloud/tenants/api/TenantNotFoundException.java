package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** No tenant matches the request (or the caller is not linked to one). */
@ApplicationException(rollback = true)
public class TenantNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public TenantNotFoundException(String message) {
        super(message);
    }
}
