package fr.gestan.cloud.hosting.api;

import jakarta.ejb.ApplicationException;

/**
 * A hosting action refused by a business rule. {@link #reason()} names the rule (the web layer shows the
 * localised text {@code refused.<REASON>}), {@link #detail()} the value concerned. Nothing is written.
 */
@ApplicationException(rollback = true)
public class HostingRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        NOT_FOUND, DUPLICATE, SERVER_FULL, NO_CAPACITY, BACKUP_SAME_SITE, WRONG_ROLE, OVERLAPPING_CONTRACT,
        END_BEFORE_START, ILLEGAL_TRANSITION, UNKNOWN_TENANT, SAME_SERVER, INVALID_SHARES, ILLEGAL_STATUS,
        OBJECTION_PERIOD_OVER, COMMENT_REQUIRED
    }

    private final Reason reason;
    private final String detail;

    public HostingRefusedException(Reason reason, String detail) {
        super(reason + (detail == null ? "" : ": " + detail));
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
