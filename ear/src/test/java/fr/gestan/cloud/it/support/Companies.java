package fr.gestan.cloud.it.support;

import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import java.util.Set;

/**
 * Company records for {@code TenantService.create}, the way the back office and the API create a tenant: the least
 * the service accepts (name, SIREN, an address, an administrative contact) and the hosted data a test needs.
 */
public final class Companies {

    private Companies() {
    }

    /** A company that hosts no data kind. */
    public static TenantDetails minimal(String legalName, String siren) {
        return minimal(legalName, siren, Set.of());
    }

    public static TenantDetails minimal(String legalName, String siren, Set<HostedDataKind> kinds) {
        return new TenantDetails(legalName, siren, null, null, new PostalAddress("5 rue de l'Étoile", null, "75017", "Paris", "FR"),
                new Contact("Hélène Dubois", "helene@example.fr", null), null, null, kinds);
    }
}
