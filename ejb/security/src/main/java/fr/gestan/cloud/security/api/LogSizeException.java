package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/**
 * A consistency proof was asked for tree sizes the log has not signed (or in the wrong order); {@link #field()} names
 * the parameter at fault: {@code first} when it is above {@code second}, else {@code second} (beyond the newest
 * signed checkpoint).
 */
@ApplicationException(rollback = true)
public class LogSizeException extends RuntimeException {

    private final long signedSize;
    private final String field;

    public LogSizeException(long first, long second, long signedSize) {
        super("no consistency proof from tree size " + first + " to " + second + " (signed size " + signedSize + ")");
        this.signedSize = signedSize;
        this.field = first > second ? "first" : "second";
    }

    public long signedSize() {
        return signedSize;
    }

    /** The parameter at fault: {@code first} or {@code second}. */
    public String field() {
        return field;
    }
}
