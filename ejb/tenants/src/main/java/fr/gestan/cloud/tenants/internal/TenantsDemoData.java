package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.DemoDataLoader;
import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.tenants.api.CompanyNumbers;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/** Demo client companies, loaded once into an empty database when demo mode is on. */
@Startup
@Singleton
@DependsOn("TenantsSchema")
public class TenantsDemoData extends DemoDataLoader {

    @PersistenceContext(unitName = "tenants")
    EntityManager em;

    @Override
    protected boolean empty() {
        return em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult() == 0;
    }

    @Override
    protected void insert() {
        Instant now = Instant.now();
        Tenant martin = new Tenant(new TenantDetails("Boulangerie Martin SARL", DemoMode.CLIENT_SIREN, "84231765300017",
                CompanyNumbers.frenchVatNumber(DemoMode.CLIENT_SIREN),
                new PostalAddress("14 rue de la République", null, "69002", "Lyon", "FR"),
                new Contact("Camille Martin", "camille.martin@boulangerie-martin.example", "04 78 00 00 00"),
                new Contact("Service comptabilité", "compta@boulangerie-martin.example", null), null,
                Set.of(HostedDataKind.ACCOUNTING_DOCUMENTS, HostedDataKind.E_INVOICES, HostedDataKind.PERSONAL_DATA_EMPLOYEES)), now);
        em.persist(martin);
        em.persist(new Tenant("Cabinet Durand Expertise Comptable", DemoMode.SIRENS.get(1), now));
        em.persist(new Tenant("Transports Lefèvre et Fils SAS", DemoMode.SIRENS.get(2), now));
        em.persist(new Tenant("Atelier Moreau Menuiserie", DemoMode.SIRENS.get(3), now));
        em.persist(new PortalAccount("client.demo", martin));
        em.persist(new PortalAccount("lockout.demo", martin));
    }
}
