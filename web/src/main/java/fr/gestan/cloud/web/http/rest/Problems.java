package fr.gestan.cloud.web.http.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The API's one error body, {@code {"status":…,"error":"<code>"}}: every resource and mapper answers with it. */
public final class Problems {

    private Problems() {
    }

    /** {@code code} is a fixed, lower-case identifier chosen by the caller, never user input. */
    public static Response error(Response.Status status, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"status\":" + status.getStatusCode() + ",\"error\":\"" + code + "\"}").build();
    }
}
