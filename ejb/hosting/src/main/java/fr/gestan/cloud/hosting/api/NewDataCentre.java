package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to add a data centre. */
public record NewDataCentre(
        @NotBlank(message = "{datacentre.code.required}") @Size(max = 16, message = "{datacentre.code.size}") String code,
        @NotBlank(message = "{datacentre.city.required}") @Size(max = 100, message = "{datacentre.city.size}") String city,
        @NotBlank(message = "{datacentre.country.required}") @Pattern(regexp = "[A-Z]{2}", message = "{datacentre.country.format}") String countryCode,
        @NotBlank(message = "{datacentre.operator.required}") @Size(max = 200, message = "{datacentre.operator.size}") String operatorName) {
}
