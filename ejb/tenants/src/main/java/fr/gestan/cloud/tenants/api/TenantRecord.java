package fr.gestan.cloud.tenants.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The full record of a tenant. {@code version} is the optimistic-locking version an edit must send back;
 * {@code purgeAfter} is set once the tenant is terminated.
 */
public record TenantRecord(long id, long version, TenantDetails details, TenantState state, Instant createdAt,
                           Instant stateChangedAt, String stateReason, LocalDate purgeAfter) implements java.io.Serializable {

    public String siren() {
        return details.siren();
    }

    public String legalName() {
        return details.legalName();
    }

    public TenantView view() {
        return new TenantView(id, details.legalName(), details.siren(), state);
    }
}
