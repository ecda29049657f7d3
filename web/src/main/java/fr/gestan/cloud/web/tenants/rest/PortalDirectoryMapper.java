package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Keycloak refused or did not answer: 409 {@code user-exists}, else 503 {@code directory-unavailable}. */
@Provider
public class PortalDirectoryMapper implements ExceptionMapper<PortalDirectoryException> {

    @Override
    public Response toResponse(PortalDirectoryException exception) {
        return exception.reason() == PortalDirectoryException.Reason.USER_EXISTS
                ? Problems.error(Response.Status.CONFLICT, "user-exists")
                : Problems.error(Response.Status.SERVICE_UNAVAILABLE, "directory-unavailable");
    }
}
