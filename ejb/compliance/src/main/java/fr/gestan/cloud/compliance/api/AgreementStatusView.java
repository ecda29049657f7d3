package fr.gestan.cloud.compliance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract's processor agreement (GDPR art. 28): the version the live data give today ({@code currentSha256}),
 * and the latest acceptance (null fields when never accepted). {@code accepted} is true only when the latest
 * acceptance is of the current version. {@code outdatedBy}: when the acceptance is outdated, the sub-processor change
 * notices that took effect since it, newest first (empty otherwise, or when another change of live data outdated it).
 */
public record AgreementStatusView(String tenantSiren, long contractId, String offer, LocalDate startsOn, LocalDate endsOn,
                                  String currentSha256, String acceptedSha256, String acceptedBy, Instant acceptedAt,
                                  List<AgreementChangeNotice> outdatedBy) implements java.io.Serializable {

    public AgreementStatusView(String tenantSiren, long contractId, String offer, LocalDate startsOn, LocalDate endsOn,
                               String currentSha256, String acceptedSha256, String acceptedBy, Instant acceptedAt) {
        this(tenantSiren, contractId, offer, startsOn, endsOn, currentSha256, acceptedSha256, acceptedBy, acceptedAt, List.of());
    }

    public boolean accepted() {
        return currentSha256.equals(acceptedSha256);
    }

    /** Accepted once, but the live content has changed since: a new acceptance is required. */
    public boolean outdated() {
        return acceptedSha256 != null && !accepted();
    }
}
