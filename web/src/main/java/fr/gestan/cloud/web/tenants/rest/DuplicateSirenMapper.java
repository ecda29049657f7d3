package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A company with this SIREN exists already: 409 {@code duplicate-siren}. */
@Provider
public class DuplicateSirenMapper implements ExceptionMapper<DuplicateSirenException> {

    @Override
    public Response toResponse(DuplicateSirenException exception) {
        return Problems.error(Response.Status.CONFLICT, "duplicate-siren");
    }
}
