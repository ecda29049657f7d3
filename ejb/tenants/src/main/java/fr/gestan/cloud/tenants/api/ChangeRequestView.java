package fr.gestan.cloud.tenants.api;

import java.time.Instant;

/** A client's request to change its company record, as it appears in the staff queue. */
public record ChangeRequestView(long id, String tenantSiren, String tenantName, String requestedBy, Instant requestedAt,
                                String text, boolean open, String closedBy, Instant closedAt, String resolution,
                                String assignee, Instant assignedAt) implements java.io.Serializable {

    /** New (nobody took it), in progress (taken) or closed. */
    public ChangeRequestStatus status() {
        return !open ? ChangeRequestStatus.CLOSED : assignee == null ? ChangeRequestStatus.NEW : ChangeRequestStatus.IN_PROGRESS;
    }
}
