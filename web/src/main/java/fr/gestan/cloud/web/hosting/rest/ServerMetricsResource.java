package fr.gestan.cloud.web.hosting.rest;

import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.MetricsReceipt;
import fr.gestan.cloud.hosting.api.MetricsRejectedException;
import fr.gestan.cloud.hosting.api.Monitoring;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Monitoring ingest: {@code POST /api/v1/public/servers/{id}/metrics} with the server's own token in the
 * {@code X-Server-Token} header. It sits under /api/v1/public/ (no Keycloak sign-in: agents are machines) and
 * does not use {@code Authorization: Bearer}, which the OIDC layer would try to read as a Keycloak token. Bad
 * input and wrong tokens get an RFC 9457 problem body (see {@link MetricsProblemMapper}).
 */
@Path("/public/servers/{id}/metrics")
@RequestScoped
public class ServerMetricsResource {

    public static final String TOKEN_HEADER = "X-Server-Token";

    @EJB
    Monitoring monitoring;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(@PathParam("id") String id, @HeaderParam(TOKEN_HEADER) String token, String body) {
        long serverId;
        try {
            serverId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new MetricsRejectedException(404, "unknown-server", "No server has this id.");
        }
        if (token == null || token.isBlank()) {
            throw new MetricsRejectedException(401, "missing-token", "The " + TOKEN_HEADER + " header is required.");
        }
        MetricsReceipt receipt = monitoring.ingest(serverId, token.strip(), parse(body));
        return Response.status(Response.Status.ACCEPTED).entity(receipt).build();
    }

    static MetricSample parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MetricsRejectedException(400, "malformed-json", "The body is not a JSON object.");
        }
        Instant measuredAt = null;
        if (json.containsKey("measuredAt") && json.get("measuredAt").getValueType() == JsonValue.ValueType.STRING) {
            try {
                measuredAt = Instant.parse(json.getString("measuredAt"));
            } catch (DateTimeParseException e) {
                throw new MetricsRejectedException(400, "malformed-time", "measuredAt must be an ISO-8601 instant such as 2026-11-28T17:30:00Z.");
            }
        } else if (json.containsKey("measuredAt")) {
            throw new MetricsRejectedException(400, "malformed-time", "measuredAt must be an ISO-8601 instant such as 2026-11-28T17:30:00Z.");
        }
        return new MetricSample(number(json, "cpuPercent"), number(json, "diskPercent"), number(json, "memoryPercent"), measuredAt);
    }

    private static BigDecimal number(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MetricsRejectedException(400, "out-of-range", field + " must be a number between 0 and 100.");
        }
        return ((JsonNumber) value).bigDecimalValue();
    }
}
