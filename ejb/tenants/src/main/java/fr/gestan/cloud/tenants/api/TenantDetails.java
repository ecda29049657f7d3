package fr.gestan.cloud.tenants.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Everything staff enter about a client company. The SIREN is fixed at creation (other modules refer to the tenant
 * by it): on an update it must be the tenant's own. Billing and technical contacts are optional (null).
 */
public record TenantDetails(
        @NotBlank(message = "{tenant.legalName.required}")
        @Size(max = 200, message = "{tenant.legalName.size}")
        String legalName,
        @NotBlank(message = "{tenant.siren.required}")
        @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}")
        @SirenNumber
        String siren,
        @Pattern(regexp = "\\d{14}", message = "{tenant.siret.format}")
        @SiretNumber
        String siret,
        @VatNumber
        String vatNumber,
        @NotNull(message = "{tenant.address.required}")
        @Valid
        PostalAddress address,
        @NotNull(message = "{tenant.contact.administrative.required}")
        @Valid
        Contact administrative,
        @Valid
        Contact billing,
        @Valid
        Contact technical,
        @NotNull(message = "{tenant.dataKinds.required}")
        Set<HostedDataKind> dataKinds) implements java.io.Serializable {

    public TenantDetails {
        siret = blankToNull(siret);
        vatNumber = blankToNull(CompanyNumbers.normaliseVat(vatNumber));
        billing = billing == null || billing.isEmpty() ? null : billing;
        technical = technical == null || technical.isEmpty() ? null : technical;
        dataKinds = dataKinds == null ? null : Set.copyOf(dataKinds);
    }

    /** A SIRET identifies an establishment of the company: its first nine digits are the SIREN. */
    @AssertTrue(message = "{tenant.siret.notOfSiren}")
    public boolean isSiretOfSiren() {
        return siret == null || siren == null || siret.startsWith(siren);
    }

    /** A French VAT number embeds the company's SIREN. */
    @AssertTrue(message = "{tenant.vat.notOfSiren}")
    public boolean isVatOfSiren() {
        return vatNumber == null || siren == null || !vatNumber.startsWith("FR") || vatNumber.endsWith(siren);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
