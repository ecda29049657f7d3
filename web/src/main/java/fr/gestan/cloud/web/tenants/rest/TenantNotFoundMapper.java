package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A client not linked to a company, or an unknown tenant: 404 with a JSON body. */
@Provider
public class TenantNotFoundMapper implements ExceptionMapper<TenantNotFoundException> {

    @Override
    public Response toResponse(TenantNotFoundException exception) {
        return Problems.error(Response.Status.NOT_FOUND, "not-found");
    }
}
