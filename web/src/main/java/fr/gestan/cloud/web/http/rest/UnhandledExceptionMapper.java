package fr.gestan.cloud.web.http.rest;

import fr.gestan.cloud.common.log.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whatever no more specific mapper handles. Without it RESTEasy answered malformed bodies with a 500 quoting the
 * parser's message (internal class names) and logged each at ERROR with its stack trace. Now: a body the client
 * got wrong is a 400 (a bogus charset a 415) problem naming the field; a refused parameter a 400 naming it; the
 * framework's own 4xx keep their status with a problem body; anything else is a 500 problem with no detail, logged
 * once here (escaped, truncated). Client errors are logged at FINE only, so that they cannot flood the log.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());
    private static final Pattern PARAMETER = Pattern.compile("(Query|Header|Form|Cookie|Matrix|Path)Param\\(\"([^\"]{1,100})\"\\)");

    @Context
    HttpHeaders headers;
    @Context
    HttpServletRequest request;

    /** For another mapper that met an exception it does not own (an EJBException that is not a validation failure). */
    public static Response respond(Throwable error, HttpHeaders headers, HttpServletRequest request) {
        UnhandledExceptionMapper mapper = new UnhandledExceptionMapper();
        mapper.headers = headers;
        mapper.request = request;
        return mapper.toResponse(error);
    }

    @Override
    public Response toResponse(Throwable error) {
        // An EJB's failure is never the request body's fault, even when it wraps a JSON error of its own.
        MalformedInput malformed = error instanceof jakarta.ejb.EJBException ? null : MalformedInput.of(error);
        if (malformed != null) {
            clientError(malformed.status(), error);
            return Problems.response(headers, malformed.status(), malformed.code(), malformed.detailKey(), malformed.field());
        }
        if (error instanceof WebApplicationException web && web.getResponse() != null) {
            Response original = web.getResponse();
            int status = original.getStatus();
            Matcher parameter = PARAMETER.matcher(String.valueOf(web.getMessage()));
            if (web.getCause() != null && parameter.find()) {
                // RESTEasy could not convert a parameter (an unknown enum value, letters for a number).
                int code = "Path".equals(parameter.group(1)) ? 404 : 400;
                clientError(code, error);
                return Problems.response(headers, code, "bad-parameter", "detail.bad-parameter", parameter.group(2));
            }
            if (status < 400 || original.hasEntity()) {
                return original;
            }
            if (status >= 500) {
                return serverError(error);
            }
            clientError(status, error);
            String code = status == 415 ? "unsupported-media-type" : "http-" + status;
            String detail = status == 415 ? "detail.unsupported-media-type" : "title." + status;
            Response.ResponseBuilder answer = Response.fromResponse(original).type(Problems.PROBLEM_JSON).header("Cache-Control", "no-store")
                    .entity(Problems.body(Problems.locale(headers), status, code, detail, null));
            return answer.build();
        }
        return serverError(error);
    }

    /** A 500 that is ours: one log record with a bounded trace, and a body that says nothing of the internals. */
    Response serverError(Throwable error) {
        if (fr.gestan.cloud.common.persistence.DatabaseOutage.isCause(error)) {
            // Not the request's fault, and it will work again: 503 with a delay, one short line in the log.
            LOG.warning("API request " + where() + " found the database unreachable: answered 503");
            return Response.fromResponse(Problems.response(headers, 503, "unavailable", "detail.unavailable", null))
                    .header("Retry-After", fr.gestan.cloud.common.persistence.DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "API request " + where() + " failed: " + LogSafe.trace(error, 12));
        return Problems.response(headers, 500, "server-error", "detail.server-error", null);
    }

    private void clientError(int status, Throwable error) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("API request " + where() + " refused (" + status + "): " + error.getClass().getSimpleName()
                    + " " + LogSafe.text(error.getMessage(), 120));
        }
    }

    private String where() {
        return request == null ? "" : request.getMethod() + " " + LogSafe.text(request.getRequestURI(), 120);
    }
}
