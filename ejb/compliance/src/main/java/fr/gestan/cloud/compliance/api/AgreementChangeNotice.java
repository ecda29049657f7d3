package fr.gestan.cloud.compliance.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A sub-processor change notice (GDPR art. 28(2)) that made a processor agreement's acceptance outdated: which
 * notice ({@code changeId}, told at {@code notifiedAt}), what changed ({@code kind}: ADDED, ENDED or OWNER_CHANGED;
 * for an owner change the new owner and its country) from {@code effectiveOn}, and where the client reads and answers
 * it in its portal ({@code portalPath}, under the application's root).
 */
public record AgreementChangeNotice(long changeId, Instant notifiedAt, String kind, String name, String newOwner,
                                    String newOwnerCountry, LocalDate effectiveOn, String portalPath) implements java.io.Serializable {
}
