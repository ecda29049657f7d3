package fr.gestan.cloud.compliance.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * One page of the stored reports, filtered and sorted in the database.
 *
 * @param outcome         only this overall outcome; null for all
 * @param withObligations only tenants with at least one obligation (whatever their overall outcome)
 */
public record StoredReportQuery(RuleOutcome outcome, boolean withObligations,
                                @NotNull(message = "{report.sort.required}") Sort sort, boolean ascending,
                                @Min(value = 0, message = "{page.first.invalid}") int first,
                                @Min(value = 1, message = "{page.size.invalid}") @Max(value = 200, message = "{page.size.invalid}") int max) {

    public enum Sort { TENANT_NAME, SIREN, OUTCOME, EVALUATED_AT }

    public static StoredReportQuery firstPage(int max) {
        return new StoredReportQuery(null, false, Sort.OUTCOME, true, 0, max);
    }
}
