package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.ExportNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown export, or another tenant's: 404, the same answer for both. */
@Provider
public class ExportNotFoundMapper implements ExceptionMapper<ExportNotFoundException> {

    @Override
    public Response toResponse(ExportNotFoundException exception) {
        return Problems.error(Response.Status.NOT_FOUND, "not-found");
    }
}
