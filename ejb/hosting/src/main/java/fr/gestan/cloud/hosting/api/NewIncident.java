package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A new incident, opened as "investigating" with its first public message. */
public record NewIncident(
        @NotBlank(message = "{status.title.required}") @Size(max = 200, message = "{status.title.size}") String title,
        @NotNull(message = "{status.impact.required}") IncidentImpact impact,
        @NotBlank(message = "{status.message.required}") @Size(max = 2000, message = "{status.message.size}") String message,
        @NotEmpty(message = "{status.servers.required}") Set<Long> serverIds) {
}
