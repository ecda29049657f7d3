package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/** Evidence refused: a software update without the snapshot the policy requires just before it. */
@ApplicationException(rollback = true)
public class ControlEvidenceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ControlEvidenceException(String message) {
        super(message);
    }
}
