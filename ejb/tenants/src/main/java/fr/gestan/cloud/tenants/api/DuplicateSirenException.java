package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** A tenant with this SIREN is already registered. */
@ApplicationException(rollback = true)
public class DuplicateSirenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String siren;

    public DuplicateSirenException(String siren) {
        super("A tenant with SIREN " + siren + " is already registered");
        this.siren = siren;
    }

    public String siren() {
        return siren;
    }
}
