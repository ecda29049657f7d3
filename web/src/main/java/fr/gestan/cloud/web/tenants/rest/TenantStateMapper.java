package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.TenantStateException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A step the tenant's state forbids (a terminated tenant reactivated...): 409 {@code state-<current state>}. */
@Provider
public class TenantStateMapper implements ExceptionMapper<TenantStateException> {

    @Override
    public Response toResponse(TenantStateException exception) {
        return Problems.error(Response.Status.CONFLICT, "state-" + exception.from());
    }
}
