package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.DemoDataLoader;
import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.common.Luhn;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The offer as the source describes it, loaded into an empty database when demo mode is on: Scaleway SAS, its
 * Vitry-sur-Seine (DC3, production) and Saint-Ouen-l'Aumône (DC5, backup) sites, servers of the standard profile
 * holding tens of tenants each, and the four demo companies of the tenants module among them.
 */
@Startup
@Singleton
@DependsOn("HostingSchema")
public class ContractsDemoData extends DemoDataLoader {

    static final String ACTOR = "demo";

    @PersistenceContext(unitName = "hosting")
    EntityManager em;

    @Override
    protected boolean empty() {
        return em.createNamedQuery(HostingServer.ALL, HostingServer.class).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    protected void insert() {
        HostingOperator scaleway = new HostingOperator("Scaleway SAS", "SAS", "FR", "Groupe Iliad", "FR",
                BigDecimal.ZERO, BigDecimal.ZERO);
        em.persist(scaleway);
        DataCentre dc3 = site("DC3", "Vitry-sur-Seine", scaleway);
        DataCentre dc5 = site("DC5", "Saint-Ouen-l'Aumône", scaleway);
        dc3.certify("ISO/IEC 27001", "AFNOR Certification", LocalDate.of(2028, 3, 31));
        dc3.certify("HDS (hébergeur de données de santé)", "AFNOR Certification", LocalDate.of(2027, 9, 30));
        dc5.certify("ISO/IEC 27001", "AFNOR Certification", LocalDate.of(2028, 3, 31));

        HostingServer prod1 = server("GC-PROD-01", dc3, ServerRole.PRODUCTION);
        HostingServer prod2 = server("GC-PROD-02", dc3, ServerRole.PRODUCTION);
        HostingServer prod3 = server("GC-PROD-03", dc3, ServerRole.PRODUCTION);
        HostingServer bkp1 = server("GC-BKP-01", dc5, ServerRole.BACKUP);
        HostingServer bkp2 = server("GC-BKP-02", dc5, ServerRole.BACKUP);

        Instant now = Instant.now();
        LocalDate start = LocalDate.of(2024, 1, 1);
        ServiceLevel[] levels = {ServiceLevel.STANDARD, ServiceLevel.PREMIUM, ServiceLevel.STANDARD, ServiceLevel.ESSENTIAL};
        for (int i = 0; i < DemoMode.SIRENS.size(); i++) {
            contract(DemoMode.SIRENS.get(i), levels[i], prod1, bkp1, 20 + 15 * i, start.plusMonths(i), now);
        }
        int n = 0;
        n = synthetic(n, 38, prod1, bkp1, start, now);
        n = synthetic(n, 27, prod2, bkp2, start, now);
        synthetic(n, 12, prod3, bkp2, start, now);

        // The archive's resolved incident, a drill that refines part of the plan, an announced maintenance.
        Instant began = now.minus(41, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Incident incident = new Incident("Lenteurs d'accès au bureau à distance", fr.gestan.cloud.hosting.api.IncidentImpact.MAJOR,
                "Des clients signalent des connexions lentes ; nous analysons la situation.", java.util.Set.of(prod2), "support.demo", began);
        incident.update(fr.gestan.cloud.hosting.api.IncidentState.IDENTIFIED,
                "Un disque du serveur GC-PROD-02 est saturé par une sauvegarde bloquée.", "support.demo", began.plus(40, ChronoUnit.MINUTES));
        incident.update(fr.gestan.cloud.hosting.api.IncidentState.MONITORING,
                "La sauvegarde est relancée, les temps de réponse redeviennent normaux.", "support.demo", began.plus(95, ChronoUnit.MINUTES));
        incident.update(fr.gestan.cloud.hosting.api.IncidentState.RESOLVED,
                "Incident résolu ; une alerte sur l'espace disque a été ajoutée.", "support.demo", began.plus(3, ChronoUnit.HOURS));
        em.persist(incident);
        em.persist(new RecoveryDrill(prod1, LocalDate.now().minusDays(55), "support.demo", 12, 17, null, null,
                "Exercice de reprise : nouveau serveur à Saint-Ouen-l'Aumône, machine virtuelle remontée.", now));
        Instant window = now.plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(21, ChronoUnit.HOURS);
        em.persist(new Maintenance("Mise à jour du système des serveurs de production",
                "Mise à jour de sécurité avec instantané système préalable ; coupure de 30 minutes au plus.",
                window, window.plus(2, ChronoUnit.HOURS), java.util.Set.of(prod1, prod2, prod3), "support.demo"));
        prod1.useMonitoringToken(DEMO_MONITORING_TOKEN);
        // The security monitoring contractor (Lyon, named in the source) reports hypervisor snapshots and extra backups.
        AgentReporter contractor = new AgentReporter(DEMO_REPORTER, "FR", java.util.EnumSet.of(AgentRules.Kind.SNAPSHOT, AgentRules.Kind.BACKUP, AgentRules.Kind.DDOS));
        contractor.useToken(DEMO_REPORTER_TOKEN);
        em.persist(contractor);
        // The sub-processors the documents print and the rules check: the operator, and the contractor (since 2016).
        LocalDate since = LocalDate.of(2016, 1, 1);
        em.persist(SubProcessor.operator(scaleway, SubProcessorsBean.OPERATOR_SERVICES_FR, SubProcessorsBean.OPERATOR_SERVICES_EN,
                since, now, "demo"));
        em.persist(SubProcessor.other(DEMO_REPORTER, "SAS", fr.gestan.cloud.hosting.api.SubProcessorRole.SECURITY_MONITORING, "FR", "Lyon",
                null, null, BigDecimal.ZERO, BigDecimal.ZERO,
                "surveillance de sécurité : virtualisation, instantanés système avant chaque mise à jour, sauvegardes supplémentaires, "
                        + "surveillance processeur et disque, pare-feu et proxy, atténuation des attaques DDoS",
                "security monitoring: virtualisation, a system snapshot before every update, extra backups, CPU and disk monitoring, "
                        + "firewall and proxy, DDoS mitigation", since, now, "demo"));
    }

    /** The demo sub-processor reporter and its token, demo mode only (documented in docs/hosting.md). */
    static final String DEMO_REPORTER = "Netsyst";
    static final String DEMO_REPORTER_TOKEN = "demo-reporter-token-netsyst";

    /** The monitoring token of GC-PROD-01 in demo mode only (documented in docs/hosting.md). */
    static final String DEMO_MONITORING_TOKEN = "demo-monitoring-token-GC-PROD-01";

    private DataCentre site(String code, String city, HostingOperator operator) {
        DataCentre dc = em.createNamedQuery(DataCentre.BY_CODE, DataCentre.class).setParameter("code", code)
                .getResultList().stream().findFirst().orElse(null);
        if (dc == null) {
            dc = new DataCentre(code, city, "FR", operator);
            em.persist(dc);
        } else {
            dc.operatedBy(operator);
        }
        return dc;
    }

    private HostingServer server(String name, DataCentre dc, ServerRole role) {
        HostingServer server = new HostingServer(name, dc, role, NewServer.STANDARD_PROFILE, NewServer.DEFAULT_CAPACITY);
        // in service before the demo contracts' first start (2024-01-01)
        server.commissionedAt(LocalDate.of(2023, 12, 1).atStartOfDay(fr.gestan.cloud.common.Paris.ZONE).toInstant());
        em.persist(server);
        return server;
    }

    private int synthetic(int from, int count, HostingServer production, HostingServer backup, LocalDate start, Instant now) {
        ServiceLevel[] levels = ServiceLevel.values();
        for (int i = from; i < from + count; i++) {
            contract(syntheticSiren(i), levels[i % levels.length], production, backup, 5 + (i * 7) % 60,
                    start.plusDays(i * 9L), now);
        }
        return from + count;
    }

    private void contract(String siren, ServiceLevel level, HostingServer production, HostingServer backup, int gb,
                          LocalDate startsOn, Instant now) {
        HostingContract contract = new HostingContract(siren, "Gestan ERP Cloud", startsOn, null, true, level,
                production, backup, gb, ACTOR, now.minus(400, ChronoUnit.DAYS));
        contract.activate(ACTOR, now.minus(399, ChronoUnit.DAYS));
        em.persist(contract);
    }

    /** Demo SIRENs of companies that only exist in this module's demo data (valid Luhn check digit). */
    static String syntheticSiren(int i) {
        return Luhn.complete(String.format("%08d", 31_000_000 + i * 7_919));
    }
}
