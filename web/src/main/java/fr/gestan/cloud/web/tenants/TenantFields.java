package fr.gestan.cloud.web.tenants;

import java.util.Map;

/** The form field of each tenant check that is not a field itself (for {@code Messages.fieldMessages}). */
final class TenantFields {

    static final Map<String, String> RENAMED = Map.of(
            "siretOfSiren", "siret",
            "vatOfSiren", "vatNumber",
            "address.postalCodeValidForCountry", "address.postalCode");

    private TenantFields() {
    }
}
