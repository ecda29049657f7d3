package fr.gestan.cloud.hosting.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What an administrator enters to add a hosting operator. */
public record NewOperator(
        @NotBlank(message = "{operator.name.required}") @Size(max = 200, message = "{operator.name.size}") String legalName,
        @NotBlank(message = "{operator.form.required}") @Size(max = 60, message = "{operator.form.size}") String legalForm,
        @NotBlank(message = "{operator.country.required}") @Pattern(regexp = "[A-Z]{2}", message = "{datacentre.country.format}") String headOfficeCountry,
        @Size(max = 200, message = "{operator.parent.size}") String parentGroup,
        @Pattern(regexp = "[A-Z]{2}", message = "{datacentre.country.format}") String parentGroupCountry,
        @NotNull(message = "{operator.share.required}") @DecimalMin(value = "0", message = "{operator.share.range}") @DecimalMax(value = "100", message = "{operator.share.range}") BigDecimal largestNonEuShare,
        @NotNull(message = "{operator.share.required}") @DecimalMin(value = "0", message = "{operator.share.range}") @DecimalMax(value = "100", message = "{operator.share.range}") BigDecimal totalNonEuShare) {
}
