package fr.gestan.cloud.hosting.api;

import jakarta.ejb.ApplicationException;

/** A data centre with this code already exists. */
@ApplicationException(rollback = true)
public class DuplicateDataCentreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateDataCentreException(String code) {
        super("A data centre with code " + code + " already exists");
    }
}
