package fr.gestan.cloud.contracts.internal;

import fr.gestan.cloud.common.DemoMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The two Scaleway sites of the offer, loaded into an empty database when demo mode is on. */
@Startup
@Singleton
@DependsOn("ContractsSchema")
public class ContractsDemoData {

    @PersistenceContext(unitName = "contracts")
    EntityManager em;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        if (!DemoMode.enabled() || !em.createNamedQuery(DataCentre.ALL, DataCentre.class).setMaxResults(1).getResultList().isEmpty()) {
            return;
        }
        em.persist(new DataCentre("DC3", "Vitry-sur-Seine", "FR", "Scaleway SAS"));
        em.persist(new DataCentre("DC5", "Saint-Ouen-l'Aumône", "FR", "Scaleway SAS"));
    }
}
