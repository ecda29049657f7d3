package fr.gestan.cloud.web.hosting.rest;

import fr.gestan.cloud.hosting.api.MetricsRejectedException;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused measurement answers its 4xx status with an RFC 9457 problem body. */
@Provider
public class MetricsProblemMapper implements ExceptionMapper<MetricsRejectedException> {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Response toResponse(MetricsRejectedException e) {
        String body = Json.createObjectBuilder()
                .add("type", "urn:gestan:problem:metrics:" + e.code())
                .add("title", title(e.status()))
                .add("status", e.status())
                .add("detail", e.getMessage())
                .build().toString();
        Response.ResponseBuilder response = Response.status(e.status()).type(PROBLEM_JSON).entity(body);
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "X-Server-Token");
        }
        return response.build();
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            default -> "Invalid measurement";
        };
    }
}
