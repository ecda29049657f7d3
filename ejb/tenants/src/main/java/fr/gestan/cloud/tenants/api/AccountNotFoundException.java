package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** No such hosted account, or not one the caller may see. */
@ApplicationException(rollback = true)
public class AccountNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(long id) {
        super("No hosted account " + id);
    }
}
