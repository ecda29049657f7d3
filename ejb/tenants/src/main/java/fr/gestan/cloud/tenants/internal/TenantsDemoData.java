package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.DemoMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Demo client companies, loaded once into an empty database when demo mode is on. */
@Startup
@Singleton
@DependsOn("TenantsSchema")
public class TenantsDemoData {

    /** The demo client contact of the Keycloak realm works for this company. */
    static final String DEMO_SIREN = "842317653";

    @PersistenceContext(unitName = "tenants")
    EntityManager em;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        if (!DemoMode.enabled() || em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult() > 0) {
            return;
        }
        Instant now = Instant.now();
        Tenant martin = new Tenant("Boulangerie Martin SARL", DEMO_SIREN, now);
        em.persist(martin);
        em.persist(new Tenant("Cabinet Durand Expertise Comptable", "913572467", now));
        em.persist(new Tenant("Transports Lefèvre et Fils SAS", "528640196", now));
        em.persist(new Tenant("Atelier Moreau Menuiserie", "730195823", now));
        em.persist(new PortalAccount("client.demo", martin));
        em.persist(new PortalAccount("lockout.demo", martin));
    }
}
