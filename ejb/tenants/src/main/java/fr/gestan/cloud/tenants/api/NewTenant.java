package fr.gestan.cloud.tenants.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff enter to register a client company. */
public record NewTenant(
        @NotBlank(message = "{tenant.legalName.required}")
        @Size(max = 200, message = "{tenant.legalName.size}")
        String legalName,
        @NotBlank(message = "{tenant.siren.required}")
        @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}")
        String siren) {
}
