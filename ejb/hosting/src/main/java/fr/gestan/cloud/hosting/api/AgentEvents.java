package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * Machine evidence: servers' agents and sub-processors post batches of events (backups, snapshots, software
 * updates, server sign-ins, metrics) with their own token; each is checked against the server's contract and the
 * security policy in effect. See docs/hosting.md, "Agent API".
 */
public interface AgentEvents {

    /** Largest batch, in events (the web layer also refuses bodies over 1 MB). */
    int MAX_EVENTS = 1000;

    /**
     * Stores a batch from the reporter that owns {@code token} (no user sign-in). All or nothing: one refused event
     * refuses the batch ({@link AgentEventRejectedException} naming it). A replayed event id is answered
     * "duplicate" and not stored again.
     */
    AgentReceipt receive(String token, List<AgentEvent> events) throws AgentEventRejectedException;

    /** The events reported about the server of that name (inventory reference), newest first, paged in the database. Staff. */
    List<AgentEventView> reportedFor(@NotBlank(message = "{control.server.required}") String serverName,
                                     @Min(value = 0, message = "{page.first.invalid}") int first,
                                     @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** A server's events, newest first, paged in the database. Staff. */
    List<AgentEventView> ofServer(long serverId, @Min(value = 0, message = "{page.first.invalid}") int first,
                                  @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);
}
