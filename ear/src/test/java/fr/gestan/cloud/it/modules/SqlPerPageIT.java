package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.ScaleSeeding;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantQuery;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.hibernate.SessionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SQL statements per page view, counted by Hibernate's statistics over the four persistence units: the service calls
 * that the client dashboard, the back-office dashboard and the staff tenant list make for one view (their beans call
 * nothing else that reads the database), with 10 and then with 1,000 tenants (each with its contact and an active
 * contract) and journal entries of the client's tenant. The count must not grow with the rows (no N+1) and stays
 * within a bound per page. Other work of the server (the demo agent's metrics) may run meanwhile: each view is counted
 * five times and the smallest count kept. Prints the count of each service call too, to find what grows.
 */
@ExtendWith(ArquillianExtension.class)
// Off in the suite until the N+1s it found are fixed (docs/performance.md, issue 19): GESTAN_SQL_PER_PAGE=true runs it.
@EnabledIfEnvironmentVariable(named = "GESTAN_SQL_PER_PAGE", matches = "true")
class SqlPerPageIT extends ScaleSeeding {

    static final String DEMO = "842317653"; // client.demo's company (demo data)

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.modules(SqlPerPageIT.class, "gestan-compliance.jar", "gestan-tenants.jar", "gestan-hosting.jar");
        // Hibernate's API for its statistics: the server's own module
        ear.getAsType(WebArchive.class, "it.war").addClasses(ScaleSeeding.class)
                .addAsManifestResource(new StringAsset("Dependencies: org.hibernate\n"), "MANIFEST.MF");
        return ear;
    }

    @PersistenceUnit(unitName = "tenants")
    EntityManagerFactory tenantsUnit;
    @PersistenceUnit(unitName = "hosting")
    EntityManagerFactory hostingUnit;
    @PersistenceUnit(unitName = "compliance")
    EntityManagerFactory complianceUnit;
    @PersistenceUnit(unitName = "security")
    EntityManagerFactory securityUnit;

    @EJB
    RecoveryPlans plans;
    @EJB
    ServerStatus status;
    @EJB
    Monitoring monitoring;
    @EJB
    JournalQuery journal;
    @EJB
    ComplianceEvaluation compliance;
    @EJB
    ComplianceReports reports;
    @EJB
    Certificates certificates;
    @EJB
    AccessJournal access;

    @Test
    void statements_per_page_view_do_not_grow_with_the_rows() throws Exception {
        List<ServerView[]> pair = sites(1, 1000); // the largest capacity a server may have
        grow(0, 10, pair.get(0));
        Map<String, Long> small = views();
        grow(10, 1000, pair.get(0));
        Map<String, Long> large = views();
        System.out.println("SQL statements per page view, 10 rows: " + small + "; 1,000 rows: " + large);

        assertEquals(small, large, "statements per page view grow with the rows");
        // One query per tile at most (client dashboard: 6 tiles; back office: 7 reading the database), 3 for a list.
        assertTrue(large.get("client dashboard") <= 12, large::toString);
        assertTrue(large.get("back-office dashboard") <= 10, large::toString);
        assertTrue(large.get("staff tenant list") <= 3, large::toString);
    }

    /** Tenants {@code from} to {@code to - 1} with their contracts, and as many journal entries of the demo tenant. */
    private void grow(int from, int to, ServerView[] pair) throws Exception {
        for (int i = from; i < to; i++) {
            tenant(i, pair);
        }
        int count = to - from;
        support.call(() -> {
            for (int j = 0; j < count; j++) {
                access.record(JournalEvent.success("TENANT_VIEWED", DEMO, "SqlPerPageIT " + j));
            }
            return null;
        });
    }

    /** Statements per page view, and per service call of each page ("page / call"), the smallest of five counts each. */
    private Map<String, Long> views() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        // PortalHomeBean, PortalHostingBean, DashboardJournalTiles, ComplianceTileBean, PortalCertificatesBean
        page(counts, "client dashboard", Map.of(
                "myCompany", () -> client.call(() -> tenants.myCompany()),
                "myContracts", () -> client.call(() -> contracts.myContracts()),
                "myRecovery", () -> client.call(() -> plans.myRecovery()),
                "myServers", () -> client.call(() -> status.myServers()),
                "journal.ofTenant", () -> client.call(() -> journal.ofTenant(tenants.myCompany().siren(), 0, 5)),
                "compliance.mine", () -> client.call(() -> compliance.mine()),
                "certificates.mine", () -> client.call(() -> certificates.mine())));
        // BackOfficeHomeBean, CapacityTileBean, HostingTileBean, ComplianceFailuresTileBean
        page(counts, "back-office dashboard", Map.of(
                "tenants.count", () -> admin.call(() -> tenants.count()),
                "dataCentres", () -> admin.call(() -> inventory.dataCentres()),
                "servers", () -> admin.call(() -> inventory.servers()),
                "publicStatus", () -> admin.call(() -> status.publicStatus()),
                "alerts", () -> admin.call(() -> monitoring.alerts()),
                "reports.summary", () -> admin.call(() -> reports.summary()),
                "journal.latest", () -> admin.call(() -> journal.latest(10))));
        // TenantListBean: the count, then the first page of 25 by name
        page(counts, "staff tenant list", Map.of(
                "countMatching", () -> support.call(() -> tenants.countMatching(new TenantQuery(null, null, null, TenantQuery.Sort.LEGAL_NAME, true, 0, 1))),
                "rows", () -> support.call(() -> tenants.rows(new TenantQuery(null, null, null, TenantQuery.Sort.LEGAL_NAME, true, 0, 25)))));
        return counts;
    }

    private void page(Map<String, Long> counts, String page, Map<String, Call<?>> calls) throws Exception {
        long total = 0;
        for (Map.Entry<String, Call<?>> call : new TreeMap<>(calls).entrySet()) {
            long n = statements(call.getValue());
            counts.put(page + " / " + call.getKey(), n);
            total += n;
        }
        counts.put(page, total);
    }

    /** The fewest statements prepared over five views. */
    private long statements(Call<?> view) throws Exception {
        List<SessionFactory> units = List.of(tenantsUnit, hostingUnit, complianceUnit, securityUnit).stream()
                .map(u -> u.unwrap(SessionFactory.class)).toList();
        ToLongFunction<SessionFactory> prepared = f -> f.getStatistics().getPrepareStatementCount();
        units.forEach(u -> u.getStatistics().setStatisticsEnabled(true));
        view.call(); // warm: caches of the first view are not what a page view costs
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long before = units.stream().mapToLong(prepared).sum();
            view.call();
            fewest = Math.min(fewest, units.stream().mapToLong(prepared).sum() - before);
        }
        return fewest;
    }
}
