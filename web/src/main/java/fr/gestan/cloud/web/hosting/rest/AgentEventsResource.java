package fr.gestan.cloud.web.hosting.rest;

import java.util.HexFormat;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import fr.gestan.cloud.security.api.RateLimits;
import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import fr.gestan.cloud.hosting.api.AgentEvents;
import fr.gestan.cloud.hosting.api.AgentReceipt;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent API: {@code POST /api/v1/public/agent/events}, a batch {@code {"events":[{"id":..,"kind":..,
 * "occurredAt":.., ...}]}} from one reporter (a server's agent or a sub-processor) authenticated by its own token in
 * {@code X-Server-Token} (not {@code Authorization: Bearer}, which the OIDC layer would read as a Keycloak token).
 * This layer only enforces the size limits and the JSON shape; the hosting module checks every field. Refusals are
 * RFC 9457 problem bodies naming the event and field ({@link AgentProblemMapper}). See docs/hosting.md.
 */
@Path("/public/agent/events")
@ApplicationScoped
public class AgentEventsResource {

    /** Largest body accepted: 1 MB. */
    static final int MAX_BYTES = 1_000_000;

    @EJB
    AgentEvents agentEvents;

    // Per reporter token, shared by every node: an agent that loops is slowed down without blocking the others
    // behind the same address. The bucket is keyed by the token's SHA-256, so no token is written to the database.
    @EJB
    RateLimits limits;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(ServerMetricsResource.TOKEN_HEADER) String token,
                            @HeaderParam("Content-Length") Long length, InputStream body) throws IOException {
        if (token == null || token.isBlank()) {
            throw new AgentEventRejectedException(401, "invalid-token", -1, null);
        }
        if (length != null && length > MAX_BYTES) {
            drain(body);
            throw new AgentEventRejectedException(413, "too-large", -1, null);
        }
        RateLimits.Decision decision = limits.acquire("agent", sha256(token.strip()),
                Integer.getInteger("gestan.agent.burst", 20), Integer.getInteger("gestan.agent.per-minute", 60));
        if (!decision.allowed()) {
            return AgentProblemMapper.problem(429, "too-many-batches", -1, null, null)
                    .header("Retry-After", Long.toString(decision.retryAfterSeconds())).build();
        }
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1); // chunked bodies have no length
        if (bytes.length > MAX_BYTES) {
            drain(body);
            throw new AgentEventRejectedException(413, "too-large", -1, null);
        }
        AgentReceipt receipt = agentEvents.receive(token.strip(), parse(bytes));
        return Response.status(Response.Status.ACCEPTED).type(MediaType.APPLICATION_JSON).entity(json(receipt)).build();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Written here, in a fixed order, so that agents (and shell scripts) can rely on the shape. */
    static String json(AgentReceipt receipt) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (AgentReceipt.Result r : receipt.events()) {
            JsonObjectBuilder event = Json.createObjectBuilder().add("index", r.index()).add("id", r.id()).add("kind", r.kind())
                    .add("status", r.status());
            if (r.verdict() != null) {
                event.add("verdict", r.verdict());
            }
            if (r.reason() != null) {
                event.add("reason", r.reason());
            }
            events.add(event);
        }
        return Json.createObjectBuilder().add("reporter", receipt.reporter()).add("accepted", receipt.accepted())
                .add("duplicates", receipt.duplicates()).add("events", events).build().toString();
    }

    /**
     * Reads and drops the rest of a refused body (at most 20 MB; beyond, the container's own limit closes the
     * connection): a client still sending would otherwise see a reset instead of the 413.
     */
    private static void drain(InputStream body) throws IOException {
        if (body != null) {
            long skipped = 0;
            byte[] buffer = new byte[65_536];
            for (int n; skipped < 20_000_000 && (n = body.read(buffer)) > 0; ) {
                skipped += n;
            }
        }
    }

    /** The batch's events, each field as text; the hosting module converts and checks them. */
    static List<AgentEvent> parse(byte[] bytes) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new AgentEventRejectedException(400, "malformed-json", -1, null);
        }
        JsonValue events = json.get("events");
        if (events == null || events.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new AgentEventRejectedException(400, "missing-field", -1, "events");
        }
        JsonArray array = (JsonArray) events;
        if (array.size() > AgentEvents.MAX_EVENTS) {
            throw new AgentEventRejectedException(413, "too-many-events", -1, "events");
        }
        List<AgentEvent> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new AgentEventRejectedException(400, "not-an-object", i, null);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> field : array.getJsonObject(i).entrySet()) {
                fields.put(field.getKey(), scalar(i, field.getKey(), field.getValue()));
            }
            String id = fields.remove("id");
            String kind = fields.remove("kind");
            fields.values().removeIf(java.util.Objects::isNull);
            list.add(new AgentEvent(id, kind, fields));
        }
        return list;
    }

    private static String scalar(int index, String field, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            case NULL -> null;
            default -> throw new AgentEventRejectedException(400, "not-a-scalar", index, field);
        };
    }
}
