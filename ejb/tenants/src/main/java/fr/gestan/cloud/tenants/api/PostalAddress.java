package fr.gestan.cloud.tenants.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; {@code countryCode} is ISO 3166-1 alpha-2 (FR, BE...). */
public record PostalAddress(
        @NotBlank(message = "{tenant.address.line1.required}")
        @Size(max = 200, message = "{tenant.address.line.size}")
        String line1,
        @Size(max = 200, message = "{tenant.address.line.size}")
        String line2,
        @NotBlank(message = "{tenant.address.postalCode.required}")
        @Size(max = 16, message = "{tenant.address.postalCode.invalid}")
        String postalCode,
        @NotBlank(message = "{tenant.address.city.required}")
        @Size(max = 100, message = "{tenant.address.city.size}")
        String city,
        @NotBlank(message = "{tenant.address.country.required}")
        @Pattern(regexp = "[A-Z]{2}", message = "{tenant.address.country.invalid}")
        String countryCode) implements java.io.Serializable {

    /** French postal codes have five digits. */
    @AssertTrue(message = "{tenant.address.postalCode.invalid}")
    public boolean isPostalCodeValidForCountry() {
        return postalCode == null || !"FR".equals(countryCode) || postalCode.matches("\\d{5}");
    }
}
