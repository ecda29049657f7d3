package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to add a server; the capacity defaults to 100 tenants. */
public record NewServer(
        @NotBlank(message = "{server.name.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,59}", message = "{server.name.format}") String name,
        @NotBlank(message = "{datacentre.code.required}") @Size(max = 16, message = "{datacentre.code.size}") String dataCentreCode,
        @NotNull(message = "{server.role.required}") ServerRole role,
        @Size(max = 300, message = "{server.profile.size}") String profile,
        @Min(value = 1, message = "{server.capacity.range}") @Max(value = 1000, message = "{server.capacity.range}") Integer capacity) {

    public static final int DEFAULT_CAPACITY = 100;
    public static final String STANDARD_PROFILE =
            "2 × Intel Xeon E5-2620 v4, 128 GB RAM, 3 × 500 GB SSD, 1 Gbit/s public, 500 Mbit/s private";
}
