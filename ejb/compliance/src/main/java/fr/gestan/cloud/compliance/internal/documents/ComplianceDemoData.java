package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.common.DemoDataLoader;
import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.compliance.api.ProcessingEntry;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Demo mode: the record of processing lists the demo company's payroll and HR processing (it hosts its employees'
 * personal data), so that it passes the record part of rule R3; its processor agreement is left for the client to
 * accept in the portal.
 */
@Startup
@Singleton
@DependsOn("ComplianceSchema")
public class ComplianceDemoData extends DemoDataLoader {

    @PersistenceContext(unitName = "compliance")
    EntityManager em;

    @Override
    protected boolean empty() {
        return em.createNamedQuery(ProcessingRecordEntry.ALL, ProcessingRecordEntry.class).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    protected void insert() {
        em.persist(new ProcessingRecordEntry(DemoMode.CLIENT_SIREN, new ProcessingEntry(
                "Hébergement de la gestion de la paie et du personnel (Gestan) / Hosting of payroll and HR management",
                "Salariés du client / the client's employees",
                "Identité, coordonnées, contrat de travail, paie, absences / identity, contact details, employment contract, payroll, leave",
                true, false, ProcessingEntry.NO_TRANSFER,
                "Hébergement en France (Scaleway DC3, sauvegarde DC5), TLS, identifiants aléatoires, protection force brute, "
                        + "sauvegardes quotidiennes, journal des accès vérifiable / hosting in France, TLS, random credentials, "
                        + "brute-force protection, daily backups, verifiable access journal"), "demo", Instant.now()));
    }
}
