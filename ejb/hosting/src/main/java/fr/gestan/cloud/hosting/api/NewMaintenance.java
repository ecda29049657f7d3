package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** A maintenance window to announce ahead of time. */
public record NewMaintenance(
        @NotBlank(message = "{status.title.required}") @Size(max = 200, message = "{status.title.size}") String title,
        @NotBlank(message = "{status.message.required}") @Size(max = 2000, message = "{status.message.size}") String description,
        @NotNull(message = "{status.window.required}") Instant startsAt,
        @NotNull(message = "{status.window.required}") Instant endsAt,
        @NotEmpty(message = "{status.servers.required}") Set<Long> serverIds) {
}
