package fr.gestan.cloud.hosting.api;

import java.util.Map;

/**
 * One event of an agent's batch, as received: its id (chosen by the agent, the key of idempotency), its kind and
 * its other fields as text (the hosting module checks and converts them, naming the event and field it refuses).
 */
public record AgentEvent(String id, String kind, Map<String, String> fields) {

    public AgentEvent {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
