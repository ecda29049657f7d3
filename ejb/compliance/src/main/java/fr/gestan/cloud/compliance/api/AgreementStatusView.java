package fr.gestan.cloud.compliance.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract's processor agreement (GDPR art. 28): the version the live data give today ({@code currentSha256}),
 * and the latest acceptance (null fields when never accepted). {@code accepted} is true only when the latest
 * acceptance is of the current version.
 */
public record AgreementStatusView(String tenantSiren, long contractId, String offer, LocalDate startsOn, LocalDate endsOn,
                                  String currentSha256, String acceptedSha256, String acceptedBy, Instant acceptedAt) implements java.io.Serializable {

    public boolean accepted() {
        return currentSha256.equals(acceptedSha256);
    }

    /** Accepted once, but the live content has changed since: a new acceptance is required. */
    public boolean outdated() {
        return acceptedSha256 != null && !accepted();
    }
}
