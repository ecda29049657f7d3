package fr.gestan.cloud.tenants.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A hosted account (remote-desktop login on the tenant's server), never with its secret.
 *
 * @param secretStored    whether support still holds the secret (false once the client changed it)
 * @param mustChange      the issued secret must be changed at first use
 * @param secretExpiresOn the issued secret expires on this day (Europe/Paris) unless changed before
 * @param changedAt       when the client said it changed the secret, or null
 * @param resetRequestedAt when the client asked for a new secret (pending), or null
 */
public record HostedAccountView(long id, String tenantSiren, String login, String holderName, Instant createdAt,
                                Instant secretIssuedAt, LocalDate secretExpiresOn, boolean secretStored, boolean mustChange,
                                Instant changedAt, Instant resetRequestedAt) implements java.io.Serializable {

    public boolean expired(LocalDate today) {
        return mustChange && secretExpiresOn != null && secretExpiresOn.isBefore(today);
    }

    /** Expired today in Paris: shown as overdue to staff and client; it can no longer be revealed, only reset. */
    public boolean overdue() {
        return expired(LocalDate.now(fr.gestan.cloud.common.Paris.ZONE));
    }
}
