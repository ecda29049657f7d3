package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.SecretUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The stored secret cannot be revealed (expired, changed by the client): 409 {@code secret-unavailable}. */
@Provider
public class SecretUnavailableMapper implements ExceptionMapper<SecretUnavailableException> {

    @Override
    public Response toResponse(SecretUnavailableException exception) {
        return Problems.error(Response.Status.CONFLICT, exception.expired() ? "secret-expired" : "secret-unavailable");
    }
}
