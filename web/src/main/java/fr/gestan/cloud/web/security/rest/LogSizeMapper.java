package fr.gestan.cloud.web.security.rest;

import fr.gestan.cloud.security.api.LogSizeException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.ResourceBundle;

/** A consistency proof asked beyond the signed log: 400, RFC 9457 problem details, in the caller's language. */
@Provider
public class LogSizeMapper implements ExceptionMapper<LogSizeException> {

    static final String PROBLEM = "application/problem+json";

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(LogSizeException exception) {
        Locale locale = headers == null || headers.getAcceptableLanguages().isEmpty() ? Locale.FRENCH
                : headers.getAcceptableLanguages().get(0);
        ResourceBundle bundle = ResourceBundle.getBundle("fr.gestan.cloud.web.security",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH, Thread.currentThread().getContextClassLoader());
        String detail = java.text.MessageFormat.format(bundle.getString("journal.proof.size"), exception.signedSize());
        return Response.status(Response.Status.BAD_REQUEST).type(PROBLEM)
                .entity("{\"type\":\"about:blank\",\"status\":400,\"title\":\"" + json(bundle.getString("journal.proof.title"))
                        + "\",\"detail\":\"" + json(detail) + "\",\"signedSize\":" + exception.signedSize() + "}")
                .build();
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
