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
 * A sub-processor to add. For {@code HOSTING_OPERATOR}, {@code name} is the legal name of a hosting operator already
 * entered, whose country, capital and data centres are used (the other identity fields are ignored). Others carry
 * their own country and capital ({@code null} shares: unknown, which rule R4 reports as missing evidence).
 */
public record NewSubProcessor(
        @NotBlank(message = "{subprocessor.name}") @Size(max = 200, message = "{subprocessor.name}") String name,
        @Size(max = 60, message = "{subprocessor.legalForm}") String legalForm,
        @NotNull(message = "{subprocessor.role}") SubProcessorRole role,
        @NotNull(message = "{subprocessor.country}") @Pattern(regexp = "[A-Z]{2}", message = "{subprocessor.country}") String country,
        @Size(max = 120, message = "{subprocessor.city}") String city,
        @Size(max = 200, message = "{subprocessor.parentGroup}") String parentGroup,
        @Pattern(regexp = "[A-Z]{2}", message = "{subprocessor.country}") String parentGroupCountry,
        @DecimalMin(value = "0", message = "{subprocessor.share}") @DecimalMax(value = "100", message = "{subprocessor.share}") BigDecimal largestNonEuShare,
        @DecimalMin(value = "0", message = "{subprocessor.share}") @DecimalMax(value = "100", message = "{subprocessor.share}") BigDecimal totalNonEuShare,
        @NotBlank(message = "{subprocessor.services}") @Size(max = 500, message = "{subprocessor.services}") String servicesFr,
        @NotBlank(message = "{subprocessor.services}") @Size(max = 500, message = "{subprocessor.services}") String servicesEn,
        @NotNull(message = "{subprocessor.effectiveFrom}") LocalDate effectiveFrom) {
}
