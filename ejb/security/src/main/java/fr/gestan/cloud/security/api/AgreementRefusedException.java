package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/** An agreement was refused (its document or its dates); {@link #reason()} says why (a message key suffix). */
@ApplicationException(rollback = true)
public class AgreementRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason { EMPTY, TOO_LARGE, NOT_PDF, NOT_A_PDF_NAME, DATES_INVERTED, ACTIVE_CONTENT }

    private final Reason reason;

    public AgreementRefusedException(Reason reason) {
        super("agreement refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
