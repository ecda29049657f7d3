package fr.gestan.cloud.web.hosting.rest;

import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import fr.gestan.cloud.web.http.rest.LocalizedMapper;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A refused agent batch answers an RFC 9457 problem body naming the event ({@code event}: its index in the batch)
 * and the field, with a title and detail from the hosting bundle in French, or English when the agent asks for it.
 */
@Provider
public class AgentProblemMapper extends LocalizedMapper<AgentEventRejectedException> {

    private static final String BUNDLE = "fr.gestan.cloud.web.hosting";

    @Override
    protected Response toResponse(AgentEventRejectedException e, HttpHeaders headers) {
        return problem(e.status(), e.code(), e.index(), e.field(), headers).build();
    }

    static Response.ResponseBuilder problem(int status, String code, int index, String field, HttpHeaders headers) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale(headers), AgentProblemMapper.class.getClassLoader());
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "urn:gestan:problem:agent:" + code)
                .add("title", text(texts, "agent.problem.title." + status, "agent.problem.title"))
                .add("status", status)
                .add("detail", MessageFormat.format(text(texts, "agent.problem." + code, "agent.problem.other"),
                        String.valueOf(index), field == null ? "" : field)); // no digit grouping in "event 1000"
        if (index >= 0) {
            body.add("event", index);
        }
        if (field != null) {
            body.add("field", field);
        }
        Response.ResponseBuilder response = Response.status(status).type(MetricsProblemMapper.PROBLEM_JSON).entity(body.build().toString());
        if (status == 401) {
            response.header("WWW-Authenticate", ServerMetricsResource.TOKEN_HEADER);
        }
        return response;
    }

    /** French unless the agent prefers English (Accept-Language). */
    private static Locale locale(HttpHeaders headers) {
        if (headers != null) {
            for (Locale wanted : headers.getAcceptableLanguages()) {
                if ("en".equals(wanted.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("fr".equals(wanted.getLanguage())) {
                    return Locale.FRENCH;
                }
            }
        }
        return Locale.FRENCH;
    }

    private static String text(ResourceBundle texts, String key, String fallback) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return texts.getString(fallback);
        }
    }
}
