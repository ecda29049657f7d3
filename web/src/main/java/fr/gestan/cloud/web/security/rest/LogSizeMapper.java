package fr.gestan.cloud.web.security.rest;

import fr.gestan.cloud.security.api.LogSizeException;
import fr.gestan.cloud.web.http.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A consistency proof asked for sizes the log has not signed (or in the wrong order): 400 {@code tree-size-not-signed}. */
@Provider
public class LogSizeMapper implements ExceptionMapper<LogSizeException> {

    @Override
    public Response toResponse(LogSizeException exception) {
        return Problems.error(Response.Status.BAD_REQUEST, "tree-size-not-signed");
    }
}
