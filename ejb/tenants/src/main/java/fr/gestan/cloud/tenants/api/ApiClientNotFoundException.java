package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** No API client with this id among the caller's company's clients (another company's answers the same). */
@ApplicationException(rollback = true)
public class ApiClientNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public ApiClientNotFoundException(String message) {
        super(message);
    }
}
