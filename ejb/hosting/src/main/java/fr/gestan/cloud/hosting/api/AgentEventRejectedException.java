package fr.gestan.cloud.hosting.api;

import jakarta.ejb.ApplicationException;

/**
 * A batch refused as a whole (rolled back: nothing of it is stored). {@code status} is the HTTP status the API
 * answers (400 invalid, 401 token, 403 kind not allowed to this reporter, 413 too large), {@code code} a stable
 * problem code (the message key {@code agent.problem.<code>}), {@code index} the event refused (-1: the batch) and
 * {@code field} the field refused (or null).
 */
@ApplicationException(rollback = true)
public class AgentEventRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final int index;
    private final String field;

    public AgentEventRejectedException(int status, String code, int index, String field) {
        super(code + (index >= 0 ? " at event " + index : "") + (field != null ? ", field " + field : ""));
        this.status = status;
        this.code = code;
        this.index = index;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public int index() {
        return index;
    }

    public String field() {
        return field;
    }
}
