package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/** A consistency proof was asked for tree sizes the log has not signed (or in the wrong order). */
@ApplicationException(rollback = true)
public class LogSizeException extends RuntimeException {

    private final long signedSize;

    public LogSizeException(long first, long second, long signedSize) {
        super("no consistency proof from tree size " + first + " to " + second + " (signed size " + signedSize + ")");
        this.signedSize = signedSize;
    }

    public long signedSize() {
        return signedSize;
    }
}
