package fr.gestan.cloud.hosting.api;

import jakarta.ejb.ApplicationException;

/**
 * A measurement refused: {@code status} is the HTTP status the API answers (400 invalid, 401 token, 404 server),
 * {@code code} a stable problem code, the message a readable explanation. Nothing is stored.
 */
@ApplicationException(rollback = true)
public class MetricsRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public MetricsRejectedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
