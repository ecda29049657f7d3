package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** Someone else saved the record since the caller read it: reload and edit again. Nothing was saved. */
@ApplicationException(rollback = true)
public class ConcurrentEditException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConcurrentEditException(String what) {
        super(what + " was changed by someone else in the meantime");
    }
}
