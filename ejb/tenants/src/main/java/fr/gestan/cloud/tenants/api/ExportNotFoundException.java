package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** No such export, not ready, expired, or not one the caller may download. */
@ApplicationException(rollback = true)
public class ExportNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportNotFoundException(long id) {
        super("No downloadable export " + id);
    }
}
