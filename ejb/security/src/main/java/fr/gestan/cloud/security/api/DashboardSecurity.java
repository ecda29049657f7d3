package fr.gestan.cloud.security.api;

import fr.gestan.cloud.security.api.ServerIdentities.AlertView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * The back-office dashboard's security tiles in one call: what {@link JournalQuery#latest},
 * {@link ConfidentialityAgreements#expiringSoon()} and {@link ServerIdentities#openAlerts} answer, read the same way.
 * Three calls through the container's interceptors (roles, validation, transaction) cost more than their reads at each
 * staff view (docs/performance.md, "the staff dashboard's calls").
 */
public interface DashboardSecurity {

    /** The latest journal entries (empty when not asked for), the agreements expiring soon, the open server-access alerts. */
    record Tiles(List<JournalEntryView> latestJournal, List<AgreementView> expiringAgreements, List<AlertView> serverAccessAlerts) {
    }

    /**
     * The tiles, with the {@code journalEntries} latest journal entries (none for 0 or less). Staff; the journal's entries only for
     * auditors and admins, as {@link JournalQuery#latest} (an {@code EJBAccessException} for support asking for any).
     */
    Tiles read(@Max(value = 500, message = "{page.size.invalid}") int journalEntries,
               @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int alerts);
}
