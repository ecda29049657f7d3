package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** The SIREN has nine digits but its Luhn check digit is wrong. */
@ApplicationException(rollback = true)
public class InvalidSirenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSirenException(String siren) {
        super("Invalid SIREN check digit: " + siren);
    }
}
