package fr.gestan.cloud.compliance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * The stored compliance report of every tenant, refreshed daily by a timer and on demand by staff, read by the
 * staff dashboard a page at a time (filter, sort and paging in the database). Staff and auditors read; support and
 * administrators refresh.
 */
public interface ComplianceReports {

    /** How many tenants an evaluation of every tenant covers (for a progress bar). */
    long tenantCount();

    /**
     * Evaluates one page of tenants (the tenants module's order) and stores their reports, in one transaction.
     * Returns how many tenants the page held (fewer than {@code max}: it was the last page).
     */
    int refresh(@Min(value = 0, message = "{page.first.invalid}") int first,
                @Min(value = 1, message = "{page.size.invalid}") @Max(value = 200, message = "{page.size.invalid}") int max);

    /** Removes the stored reports not refreshed since {@code before} (tenants purged since). Returns how many. */
    int prune(@NotNull Instant before);

    /** One page of stored reports (one query). */
    List<StoredReportView> page(@NotNull @Valid StoredReportQuery query);

    /** How many stored reports the query's filter matches (one query). */
    long count(@NotNull @Valid StoredReportQuery query);

    /** Counts by outcome and the last evaluation time (one query). */
    StoredReportSummary summary();
}
