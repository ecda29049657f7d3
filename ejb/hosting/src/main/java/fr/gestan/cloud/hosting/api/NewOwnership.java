package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an administrator enters when a hosting operator's ownership changes: the new owner or controlling group, its
 * country (rule R4: outside the EU, the operator fails), the capital non-EU entities hold after the change, the day
 * it takes effect and why it is recorded.
 */
public record NewOwnership(
        @NotBlank(message = "{ownership.owner.required}") @Size(max = 200, message = "{operator.parent.size}") String owner,
        @NotBlank(message = "{ownership.country.required}") @Pattern(regexp = "[A-Z]{2}", message = "{datacentre.country.format}") String ownerCountry,
        @NotNull(message = "{operator.share.required}") @DecimalMin(value = "0", message = "{operator.share.range}") @DecimalMax(value = "100", message = "{operator.share.range}") BigDecimal largestNonEuShare,
        @NotNull(message = "{operator.share.required}") @DecimalMin(value = "0", message = "{operator.share.range}") @DecimalMax(value = "100", message = "{operator.share.range}") BigDecimal totalNonEuShare,
        @NotNull(message = "{ownership.effective.required}") LocalDate effectiveOn,
        @NotBlank(message = "{ownership.reason.required}") @Size(max = 1000, message = "{ownership.reason.size}") String reason) {
}
