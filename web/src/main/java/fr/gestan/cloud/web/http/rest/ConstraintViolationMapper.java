package fr.gestan.cloud.web.http.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The same localised JSON 400 as {@link ValidationFailedMapper} when a service's Bean Validation failure reaches
 * the resource unwrapped (no EJBException around it); otherwise RESTEasy would answer its own plain-text report,
 * in the server's language.
 */
@Provider
public class ConstraintViolationMapper extends LocalizedMapper<ConstraintViolationException> {

    @Override
    protected Response toResponse(ConstraintViolationException exception, HttpHeaders headers) {
        return ValidationFailedMapper.invalid(exception, headers);
    }
}
