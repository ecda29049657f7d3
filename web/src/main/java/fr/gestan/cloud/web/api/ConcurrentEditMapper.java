package fr.gestan.cloud.web.api;

import fr.gestan.cloud.tenants.api.ConcurrentEditException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Someone saved the record since it was read (optimistic lock): 409 {@code concurrent-edit}. */
@Provider
public class ConcurrentEditMapper implements ExceptionMapper<ConcurrentEditException> {

    @Override
    public Response toResponse(ConcurrentEditException exception) {
        return TenantsResource.error(Response.Status.CONFLICT, "concurrent-edit");
    }
}
