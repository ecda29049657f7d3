package fr.gestan.cloud.tenants.api;

import java.time.Instant;

/** An API client of a tenant, without its secret (which is never stored). */
public record ApiClientView(String clientId, String label, ApiClientScope scope, String createdBy, Instant createdAt,
                            String revokedBy, Instant revokedAt) implements java.io.Serializable {

    public boolean revoked() {
        return revokedAt != null;
    }
}
