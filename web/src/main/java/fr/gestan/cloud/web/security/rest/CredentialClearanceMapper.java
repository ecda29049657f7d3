package fr.gestan.cloud.web.security.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.security.api.CredentialClearanceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Support staff without a valid confidentiality agreement: 403 {@code clearance-required}. */
@Provider
public class CredentialClearanceMapper implements ExceptionMapper<CredentialClearanceException> {

    @Override
    public Response toResponse(CredentialClearanceException exception) {
        return Problems.error(Response.Status.FORBIDDEN, "clearance-required");
    }
}
