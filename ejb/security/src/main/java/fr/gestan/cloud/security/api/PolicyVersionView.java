package fr.gestan.cloud.security.api;

import java.time.Instant;
import java.util.List;

/** One version of the security policy, with what changed from the version before it. */
public record PolicyVersionView(int version, Instant effectiveFrom, Instant createdAt, String createdBy, String reason,
                                PolicySettings settings, List<Change> changes) implements java.io.Serializable {

    /** A setting that changed: its name (message key suffix), the old and the new value. */
    public record Change(String setting, String before, String after) implements java.io.Serializable {
    }
}
