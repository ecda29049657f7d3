package fr.gestan.cloud.web.http.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A mapper whose answer is in the caller's language ({@code Accept-Language}): the request's headers are injected
 * here, once for every such mapper, and handed to {@link #toResponse(Throwable, HttpHeaders)}.
 */
public abstract class LocalizedMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    HttpHeaders headers;

    @Override
    public final Response toResponse(E exception) {
        return toResponse(exception, headers);
    }

    /** The answer to {@code exception}, in the language that {@code headers} ask for. */
    protected abstract Response toResponse(E exception, HttpHeaders headers);
}
