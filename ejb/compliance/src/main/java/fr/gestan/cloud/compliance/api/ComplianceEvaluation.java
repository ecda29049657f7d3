package fr.gestan.cloud.compliance.api;

import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Evaluates the compliance rules for tenants from the other modules' public data, on today's date.
 * Staff and auditors evaluate any tenant; a client evaluates its own company only.
 */
public interface ComplianceEvaluation {

    /** Every rule's result for one tenant, with the evidence. Staff and auditors. */
    ComplianceReport evaluate(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren)
            throws TenantNotFoundException;

    /** One page of tenants (in the tenants module's order) with their reports, for the staff dashboard. */
    List<ComplianceReport> page(@Min(value = 0, message = "{page.first.invalid}") int first,
                                @Min(value = 1, message = "{page.size.invalid}") @Max(value = 50, message = "{page.size.invalid}") int max);

    /** The calling client's own report. Clients only. */
    ComplianceReport mine() throws TenantNotFoundException;
}
