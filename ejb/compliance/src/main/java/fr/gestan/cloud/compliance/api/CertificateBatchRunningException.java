package fr.gestan.cloud.compliance.api;

import jakarta.ejb.ApplicationException;

/** A certificate batch is already running: one at a time, so that no tenant is certified twice by two batches. */
@ApplicationException(rollback = true)
public class CertificateBatchRunningException extends Exception {

    private static final long serialVersionUID = 1L;

    public CertificateBatchRunningException() {
        super("A certificate batch is already running");
    }
}
