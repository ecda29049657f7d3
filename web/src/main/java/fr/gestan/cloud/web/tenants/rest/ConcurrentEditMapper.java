package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.ConcurrentEditException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Someone saved the record since it was read (optimistic lock): 409 {@code concurrent-edit}. */
@Provider
public class ConcurrentEditMapper implements ExceptionMapper<ConcurrentEditException> {

    @Override
    public Response toResponse(ConcurrentEditException exception) {
        return Problems.error(Response.Status.CONFLICT, "concurrent-edit");
    }
}
