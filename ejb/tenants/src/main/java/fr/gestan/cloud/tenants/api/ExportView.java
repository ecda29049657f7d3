package fr.gestan.cloud.tenants.api;

import java.time.Instant;

/**
 * A self-service export of a tenant's data: its progress, then the ZIP to download until it expires. When it
 * failed, {@code failedPart} names the part that failed (a file of the tenants module, or a module's folder such as
 * {@code hosting}); never an internal message.
 */
public record ExportView(long id, String tenantSiren, String requestedBy, Instant requestedAt, State state, int percent,
                         String fileName, long sizeBytes, String sha256, Instant finishedAt, Instant expiresAt,
                         String failedPart) implements java.io.Serializable {

    public enum State { RUNNING, READY, FAILED }

    public boolean ready() {
        return state == State.READY;
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
