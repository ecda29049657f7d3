package fr.gestan.cloud.tenants.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * One page of the staff list of tenants.
 *
 * @param text      matches the legal name (contains, case-insensitive) or the SIREN (prefix); null for all
 * @param state     only this state; null for all
 * @param sirens    only these SIRENs (for example the tenants of one server, from the hosting module); null for all
 * @param sort      the sort column
 * @param ascending the sort direction
 */
public record TenantQuery(
        @Size(max = 200, message = "{tenant.filter.size}") String text,
        TenantState state,
        @Size(max = 1000, message = "{tenant.filter.sirens.size}") Set<String> sirens,
        @NotNull(message = "{tenant.sort.required}") Sort sort,
        boolean ascending,
        @Min(value = 0, message = "{page.first.invalid}") int first,
        @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max) {

    public enum Sort { LEGAL_NAME, SIREN, STATE, CREATED_AT }

    public static TenantQuery firstPage(int max) {
        return new TenantQuery(null, null, null, Sort.LEGAL_NAME, true, 0, max);
    }
}
