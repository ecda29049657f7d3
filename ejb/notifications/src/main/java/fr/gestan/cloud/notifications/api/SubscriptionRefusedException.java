package fr.gestan.cloud.notifications.api;

import jakarta.ejb.ApplicationException;

/**
 * A subscription action refused: the link is unknown or expired, the webhook address is not allowed, the scope names
 * nothing. {@link #field()} names the input concerned (for the page's or API's field message), the web layer shows
 * the localised text {@code notifications.refused.<REASON>}. Nothing is written.
 */
@ApplicationException(rollback = true)
public class SubscriptionRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        UNKNOWN_LINK, EXPIRED_LINK, WEBHOOK_URL, UNKNOWN_SCOPE, NOT_FOUND
    }

    private final Reason reason;
    private final String field;

    public SubscriptionRefusedException(Reason reason, String field, String detail) {
        super(reason + (detail == null ? "" : ": " + detail));
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The input concerned ({@code email}, {@code url}, {@code scopeRef}, {@code token}), or null. */
    public String field() {
        return field;
    }
}
