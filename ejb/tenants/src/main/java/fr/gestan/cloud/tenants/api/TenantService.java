package fr.gestan.cloud.tenants.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Client companies (tenants) hosted by the offer.
 */
public interface TenantService {

    /** Registers a new client company. Staff only. */
    TenantView register(@NotNull(message = "{tenant.required}") @Valid NewTenant tenant);

    /** One page of tenants ordered by legal name. Staff only. */
    List<TenantView> list(@Min(value = 0, message = "{page.first.invalid}") int first,
                          @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long count();

    /** The company of the signed-in client contact. Clients only. */
    TenantView myCompany() throws TenantNotFoundException;
}
