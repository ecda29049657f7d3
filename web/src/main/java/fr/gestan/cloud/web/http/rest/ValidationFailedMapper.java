package fr.gestan.cloud.web.http.rest;

import static fr.gestan.cloud.common.JsonText.quote;

import fr.gestan.cloud.web.http.rest.UnhandledExceptionMapper;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An EJB that refused its arguments (Bean Validation): 400 with one localised message per field
 * ({@code Accept-Language} fr or en). Other EJB failures stay a 500, logged once by {@link UnhandledExceptionMapper}
 * (the EJB subsystem's own logging of system exceptions is off: server.cli).
 */
@Provider
public class ValidationFailedMapper implements ExceptionMapper<EJBException> {

    public record FieldError(String field, String message) {
    }

    @Context
    HttpHeaders headers;
    @Context
    jakarta.servlet.http.HttpServletRequest request;

    @Override
    public Response toResponse(EJBException exception) {
        Throwable t = exception;
        while (t != null && !(t instanceof ConstraintViolationException)) {
            t = t.getCause() == t ? null : t.getCause();
        }
        if (t == null) {
            return UnhandledExceptionMapper.respond(exception, headers, request);
        }
        return invalid((ConstraintViolationException) t, headers);
    }

    /**
     * 400 {@code application/problem+json} naming the first offending field ({@code field}) and every one with its
     * message ({@code fields}), in the caller's language (French unless it asks for English); {@code error} stays
     * {@code "invalid"} for the clients written against the earlier body.
     */
    static Response invalid(ConstraintViolationException violations, HttpHeaders headers) {
        Locale locale = Problems.locale(headers);
        ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", locale, Thread.currentThread().getContextClassLoader());
        List<FieldError> fields = violations.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), message(bundle, v))).sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String first = fields.isEmpty() ? "" : fields.get(0).field();
        StringBuilder json = new StringBuilder("{\"type\":\"urn:gestan:problem:invalid\",\"title\":")
                .append(quote(Problems.title(locale, 400))).append(",\"status\":400,\"error\":\"invalid\",\"detail\":")
                .append(quote(Problems.text(locale, "detail.invalid", first, fields.size())))
                .append(",\"field\":").append(quote(first)).append(",\"fields\":[");
        for (int i = 0; i < fields.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"field\":").append(quote(fields.get(i).field()))
                    .append(",\"message\":").append(quote(fields.get(i).message())).append('}');
        }
        return Response.status(Response.Status.BAD_REQUEST).type(Problems.PROBLEM_JSON).header("Cache-Control", "no-store")
                .entity(json.append("]}").toString()).build();
    }

    private static String field(ConstraintViolation<?> v) {
        return v.getPropertyPath().toString().replaceFirst("^\\w+\\.(arg\\d+\\.?)?", "");
    }

    private static String message(ResourceBundle bundle, ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            try {
                return bundle.getString(template.substring(1, template.length() - 1));
            } catch (MissingResourceException e) {
                return v.getMessage();
            }
        }
        return v.getMessage();
    }

}
