package fr.gestan.cloud.web.security.rest;

import fr.gestan.cloud.security.api.LogSizeException;
import fr.gestan.cloud.web.http.rest.LocalizedMapper;
import fr.gestan.cloud.web.http.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A consistency proof asked for sizes the log has not signed (or in the wrong order): 400
 * {@code application/problem+json}, type {@code urn:gestan:problem:tree-size-not-signed}, naming the parameter at
 * fault ({@code first} or {@code second}) in the caller's language.
 */
@Provider
public class LogSizeMapper extends LocalizedMapper<LogSizeException> {

    @Override
    protected Response toResponse(LogSizeException exception, HttpHeaders headers) {
        return Problems.response(headers, 400, "tree-size-not-signed", "detail.tree-size-not-signed", exception.field());
    }
}
