package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReportJob;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.StoredReportQuery;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.hosting.api.InventoryPage;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.PublicStatusBoard;
import fr.gestan.cloud.hosting.api.RecoveryPage;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerPage;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.InRequest;
import fr.gestan.cloud.it.support.ScaleSeeding;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalPage;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.PortalUsers;
import fr.gestan.cloud.tenants.api.TenantOverview;
import fr.gestan.cloud.tenants.api.TenantQuery;
import jakarta.ejb.EJB;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.hibernate.SessionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SQL statements per page view, counted by Hibernate's statistics over the four persistence units: the service calls
 * that the main pages make for one view (client: dashboard, company, journal, certificates; staff: dashboard,
 * tenant list with paging and searches, a tenant's page, compliance dashboard, hosting inventory, recovery plan; their
 * beans call nothing else that reads the database), with 10 and then with 1,000 tenants (each with its contact and an
 * active contract, all on one production server) and journal entries of the client's tenant. The count must not grow with the rows (no N+1) and stays
 * within a bound per page. Other work of the server (the demo agent's metrics) may run meanwhile: each view is counted
 * five times and the smallest count kept. Prints the count of each service call too, to find what grows.
 */
@ExtendWith(ArquillianExtension.class)
// Off in the suite (GESTAN_SQL_PER_PAGE=true runs it): its 1,000 tenants would stay in the database the suite's classes
// share, and every later deployment's compliance report would evaluate them (docs/performance.md, section 3).
@EnabledIfEnvironmentVariable(named = "GESTAN_SQL_PER_PAGE", matches = "true")
class SqlPerPageIT extends ScaleSeeding {

    static final String DEMO = "842317653"; // client.demo's company (demo data)

    @Deployment
    static EnterpriseArchive deployment() {
        // Hibernate's API for its statistics
        // a bean archive: the test starts a request context of its own for each view (InRequest)
        return InRequest.enable(Deployments.withHibernate(Deployments.modules(SqlPerPageIT.class, List.of(ScaleSeeding.class),
                "gestan-compliance.jar", "gestan-tenants.jar", "gestan-hosting.jar")));
    }

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
    ComplianceReportJob reportJob;
    @EJB
    Certificates certificates;
    @EJB
    AccessJournal access;

    @EJB
    HostedAccounts accounts;
    @EJB
    DataExports exports;
    @EJB
    PortalUsers portalUsers;
    @EJB
    JournalIntegrity integrity;
    @EJB
    JournalProofs proofs;
    @EJB
    TrustStatement trust;
    @EJB
    PublicStatusBoard board;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    ServerControls controls;
    @EJB
    ServerIdentities identities;

    @Test
    void statements_per_page_view_do_not_grow_with_the_rows() throws Exception {
        // Hibernate's statistics count every statement of the unit, the compliance report's too: the report that a new
        // deployment runs 20 s after its start when none is stored (later under load) once ran over the 1,000 tenants
        // during all five views of the second measurement (2026-12-06 13:12 UTC). Running one now means that first
        // run finds a report stored and does nothing; none is running while the views are counted.
        while (admin.call(() -> reportJob.runNow(done -> { })) < 0) {
            Thread.sleep(500); // the first run was under way: once it ends, ours
        }
        long since = System.nanoTime();
        ServerView[] pair = sites(1, 1000).get(0); // the largest capacity a server may have
        grow(0, 10, pair);
        print("SqlPerPageIT: 10 tenants seeded in " + seconds(since) + " s");
        Map<String, Long> small = views(pair[0].id());
        since = System.nanoTime();
        grow(10, 1000, pair);
        print("SqlPerPageIT: 990 more tenants and 990 journal entries seeded in " + seconds(since) + " s");
        Map<String, Long> large = views(pair[0].id());
        System.out.println("SQL statements per page view, 10 rows: " + small + "; 1,000 rows: " + large);

        // No page and no call may take more statements with 1,000 rows than with 10. Fewer happens: the compliance
        // evaluation takes 2 fewer once the demo agent's first firewall report is in, and under load it may arrive
        // between the two measurements (41 then 39 on 2026-12-04 at 22:54), which an equality check failed on.
        // The tenant list's search counts its matches only when its first page is full (a short first page is its own
        // count: TenantServiceBean.search): with 10 tenants it is not, with 1,000 it is, so the list takes the count's
        // statement once more — the same one for any number of rows beyond a page, within its bound below.
        assertEquals(small.keySet(), large.keySet());
        small.forEach((view, n) -> {
            long allowed = COUNTED_WHEN_FULL.contains(view) ? n + 1 : n;
            assertTrue(large.get(view) <= allowed, "statements per page view grow with the rows: " + view + " " + n + " -> " + large.get(view));
        });
        BOUNDS.forEach((page, bound) -> assertTrue(large.get(page) <= bound, page + " > " + bound + ": " + large));
        serverPagesHoldWhatTheServersAndAlertsHold();
        journalPagesHoldWhatTheTenantsEntriesHold();
        recoveryPageHoldsWhatItsCallsHold(pair[0].id());
        tenantOverviewHoldsWhatItsCallsHold();
    }

    /** The tenant page's one call holds what the three calls it replaces return. */
    private void tenantOverviewHoldsWhatItsCallsHold() throws Exception {
        long demo = support.call(() -> tenants.bySiren(DEMO)).id();
        TenantOverview overview = support.call(() -> tenants.overview(demo));
        assertEquals(support.call(() -> tenants.get(demo)), overview.record());
        assertEquals(support.call(() -> accounts.ofTenant(demo)), overview.accounts());
        assertEquals(support.call(() -> portalUsers.usernames(demo)), overview.portalUsers());
        assertTrue(overview.portalUsers().contains("client.demo"), "the demo tenant's users: " + overview);
    }

    /** The recovery page's one call holds what the calls it replaces return. */
    private void recoveryPageHoldsWhatItsCallsHold(long productionServer) throws Exception {
        RecoveryPage page = admin.call(() -> plans.page(productionServer));
        assertEquals(admin.call(() -> plans.plan(productionServer)), page.plan());
        assertEquals(admin.call(() -> plans.drills(productionServer)), page.drills());
        assertEquals(admin.call(() -> plans.settings()), page.settings());
        List<ServerView> production = admin.call(() -> inventory.servers()).stream()
                .filter(s -> s.role() == ServerRole.PRODUCTION).toList();
        assertEquals(production.stream().map(s -> new RecoveryPage.Server(s.id(), s.name())).toList(), page.servers());
        assertEquals(admin.call(() -> plans.plan(production.get(0).id())), admin.call(() -> plans.page(null)).plan());
    }

    /** The journal page's one statement holds the entries (log positions included) and the count of the two calls. */
    private void journalPagesHoldWhatTheTenantsEntriesHold() throws Exception {
        long count = client.call(() -> journal.countOfTenant(DEMO));
        assertTrue(count >= 1000, "entries: " + count);
        for (int first : new int[] {0, 25, 975, (int) count - 3, (int) count}) {
            JournalPage page = client.call(() -> journal.pageOfTenant(DEMO, first, 25));
            assertEquals(count, page.total(), "total from " + first);
            assertEquals(client.call(() -> journal.ofTenant(DEMO, first, 25)), page.rows(), "page from " + first);
        }
    }

    /**
     * The inventory's one statement (serverPage: window functions, the loads joined) pages what {@code servers()} lists,
     * loads included, counts them all and finds the alerts {@code Monitoring.alerts()} finds; past the end, no row.
     */
    private void serverPagesHoldWhatTheServersAndAlertsHold() throws Exception {
        List<ServerView> all = admin.call(() -> inventory.servers());
        assertTrue(all.size() >= 2, "servers: " + all);
        int size = Math.max(1, all.size() / 3);
        for (int first = 0; first <= all.size(); first += size) {
            int from = first;
            ServerPage page = admin.call(() -> inventory.serverPage(from, size));
            assertEquals(all.size(), page.total(), "total from " + from);
            assertEquals(all.subList(from, Math.min(from + size, all.size())), page.rows(), "page from " + from);
        }
        assertEquals(admin.call(() -> monitoring.alerts()), admin.call(() -> inventory.serverPage(0, 1)).alerts());
        // the inventory's opening call holds what the three calls it replaces return
        InventoryPage opened = admin.call(() -> inventory.inventoryPage(0, size));
        assertEquals(admin.call(() -> inventory.operators()), opened.operators());
        assertEquals(admin.call(() -> inventory.dataCentres()), opened.dataCentres());
        assertEquals(admin.call(() -> inventory.serverPage(0, size)), opened.servers());
    }

    /**
     * The most statements each page view may take: the counts measured on 2026-12-04 (docs/performance.md, section 3),
     * so that a new N+1, or a new statement on a page, fails here. One query per tile is not reached on the
     * dashboards (the compliance tile evaluates the rules live from three modules' data; every client call first finds
     * the caller's company): the lists are within the 3.
     */
    static final Map<String, Long> BOUNDS = Map.ofEntries(
            // 39 or 41: the controls' evidence takes 2 more statements before the demo agent's first firewall report
            // (55 before the hosting tile stopped reading the contracts and availability figures it does not show, and
            // the compliance evaluation the list of every server that no rule reads)
            // 34 or 36 since the caller's company is read once per request (CallerLinkMemo: one read, not one per call)
            // 15 since the compliance tile's reference data (SharedReferenceCache: 21 -> 6), the servers' states (the kept
            // public board: 7 -> 3) and each server's recovery plan (WorstCaseCache.plan: 6 -> 3) are kept per node (dash5)
            // 13 since the journal tile's entries come with their positions and the certificates with their sizes, one
            // statement each (pages10c, 4.47)
            // 8 since its calls run in one transaction here as in the application (PortalViewTransaction), where the
            // tenant's contracts are read once for the recovery, servers and compliance tiles (TenantContracts, client19:
            // 10 with the three reads; measured 8 with 10 and with 1,000 rows, 2026-12-07 10:22 UTC)
            Map.entry("client dashboard", 8L),
            Map.entry("client company page", 6L),
            Map.entry("client journal page", 3L), // 6 before CallerLinkMemo, 5 before pageOfTenant (4.17)
            // the caller's company and the certificates; the demo company has none, so the sizes' statement (one with
            // the certificates since 4.47) never ran here
            Map.entry("client certificates list", 2L),
            // 14 while the incidents' count computed the whole status board (publicStatus: 5)
            // 11 while the alerts counted every contract's server for no degraded server (Monitoring.alerts)
            // 5 since the tenant count and the stored reports' summary are kept per node (dash5)
            Map.entry("back-office dashboard", 5L),
            Map.entry("staff tenant list", 2L),
            Map.entry("staff tenant list, page 40", 2L),
            Map.entry("staff tenant search by name", 2L),
            Map.entry("staff tenant search by SIREN", 2L),
            // 5 as three calls (get 1, accounts.ofTenant 2, portalUsers.usernames 2); since 4.24 overview: the tenant,
            // its accounts and its usernames in one transaction
            Map.entry("staff tenant page", 3L),
            // 3 before the summary was kept per node (dash5); 1 since the table's total is the summary's (pages11s)
            Map.entry("staff compliance dashboard", 1L),
            // operators 2 (a statement per operator while they were streamed: 23 with 22 operators), data centres 1,
            // servers 2, alerts 1 (2 while the loads were counted for no degraded server); since 4.13 the servers
            // paged in the database, count 1 and a page of 25 with their loads 2 (every server and its row before: 2);
            // since 4.17 the 3 for a list page: the operators with their ownerships 1, the data centres 1, and
            // the page of servers with their loads, their count and the alerts 1 (serverPage); since pages9s the three
            // in one call (inventoryPage), one transaction; since pages11h the operators and the data centres kept 5 s per
            // node (InventoryReferenceCache): the page of servers alone
            Map.entry("staff hosting inventory", 1L),
            // the board once every 5 s per node (StatusBoardCache): a view within them reads nothing (6 to compute it)
            Map.entry("public status", 0L),
            // /trust's statement: the recovery worst case in 4 statements for all servers (it was 6 per production
            // server), the operators in 2 (see above); 33 with 22 operators before the operators' fix
            // 9 since the worst case is kept 5 s per node (WorstCaseCache, performance.md 4.13): its 4 statements once
            // every 5 s, not per view
            // 6 since the servers' list is kept 5 s per node (ServersCache, 4.16) and computed ahead (PublicMemosAhead,
            // 4.23): the policy, the operators, the data centres, the recovery settings and the sub-processors (2)
            Map.entry("public trust", 6L),
            // 10 as separate calls (servers 2, settings 1, plan 6, drills 1); since 4.17 one call in one transaction: the
            // production servers, the settings, the server's contracts and its drills (the server read with the first),
            // and the latest drill of any server, since the test's server has none (5, measured 2026-12-06 09:53 UTC);
            // since 4.24 the server's drills and the latest of any server in one statement; since pages11h the page kept
            // 5 s per node as the plans are (WorstCaseCache.page): a view within the window reads nothing (its 4
            // statements once every 5 s; the tenants' names, RecoveryReads in the web module, are not counted here)
            Map.entry("staff recovery plan", 0L));

    /** Tenants {@code from} to {@code to - 1} with their contracts, and as many journal entries of the demo tenant. */
    private void grow(int from, int to, ServerView[] pair) throws Exception {
        for (int batch = from; batch < to; batch += 100) {
            int first = batch;
            int end = Math.min(batch + 100, to);
            support.call(() -> { // one transaction per hundred tenants: the seeding stays well under a minute
                for (int i = first; i < end; i++) {
                    tenant(i, pair);
                }
                return null;
            });
        }
        int count = to - from;
        support.call(() -> {
            for (int j = 0; j < count; j++) {
                access.record(JournalEvent.success("TENANT_VIEWED", DEMO, "SqlPerPageIT " + j));
            }
            return null;
        });
    }

    /**
     * Statements per page view, and per service call of each page ("page / call"), the smallest of five counts each.
     * Each page's calls are those of its beans (named above each page), with the parameters they pass.
     */
    private Map<String, Long> views(long productionServer) throws Exception {
        while (admin.call(() -> reportJob.running())) {
            Thread.sleep(500);
        }
        Map<String, Long> counts = new TreeMap<>();
        // /portal/: PortalHomeBean, PortalHostingBean (its tile reads the recovery and the servers, not the contracts and
        // availability figures of the hosting page), DashboardJournalTiles, ComplianceTileBean, PortalCertificatesBean
        // (since client19: the company once per request for the header and the tiles, myLinkedCompany, which throws nothing;
        // the view's calls in one transaction, as PortalViewTransaction runs them, where the tenant's contracts are read
        // once for the recovery, servers and compliance tiles: TenantContracts; since client20 the recovery and the servers
        // in one call, myHosting, and the certificate tile's newest certificate alone, myLatest)
        page(counts, "client dashboard", Map.of(
                "myLinkedCompany", () -> client.call(() -> tenants.myLinkedCompany()),
                "myHosting", () -> client.call(() -> status.myHosting()),
                "journal.ofTenant", () -> client.call(() -> journal.ofTenant(tenants.myLinkedCompany().orElseThrow().siren(), 0, 5)),
                "compliance.mine", () -> client.call(() -> compliance.mine()),
                "certificates.myLatest", () -> client.call(() -> certificates.myLatest())), true);
        // /portal/tenants/company.xhtml: PortalCompanyBean (the exports are no longer read there: branch export4)
        page(counts, "client company page", Map.of(
                "myCompanyRecord", () -> client.call(() -> tenants.myCompanyRecord()),
                "myChangeRequests", () -> client.call(() -> tenants.myChangeRequests()),
                "myAccounts", () -> client.call(() -> accounts.myAccounts())));
        // /portal/tenants/export.xhtml: PortalExportBean, the client's recent exports only (it had PortalCompanyBean's
        // five calls before, company, change requests, logins and security contact included)
        page(counts, "client export page", Map.of(
                "exports.mine", () -> client.call(() -> exports.mine())));
        // /portal/security/journal.xhtml: PortalJournalBean, its first page of 25 with the count (countOfTenant and
        // ofTenant before 4.17: 3 statements, now 1; pageOfTenantWithin since 4.40: past the end the last page, in the same one)
        // (since 4.47 the company from CallerTenancy, which refuses nothing, and the key set once: the verifier key is its newest;
        // since client20 the header's company, myLinkedCompany, which refuses nothing either)
        page(counts, "client journal page", Map.of(
                "myLinkedCompany", () -> client.call(() -> tenants.myLinkedCompany()),
                "latestCheckpoint", () -> client.call(() -> integrity.latestCheckpoint()),
                "keySet", () -> client.call(() -> proofs.keySet()),
                "pageOfTenantWithin", () -> client.call(() -> journal.pageOfTenantWithin(DEMO, 0, 25))));
        // /portal/certificates.xhtml: PortalCertificatesBean
        page(counts, "client certificates list", Map.of(
                "certificates.mine", () -> client.call(() -> certificates.mine())));
        // /admin/: BackOfficeDashboard.read, every tile's call in one transaction (the tiles' beans take their figures from it)
        page(counts, "back-office dashboard", Map.ofEntries(
                Map.entry("tenants.count", () -> admin.call(() -> tenants.count())),
                Map.entry("tenants.openChangeRequestCount", () -> admin.call(() -> tenants.openChangeRequestCount())),
                Map.entry("accounts.pendingResetRequestCount", () -> admin.call(() -> accounts.pendingResetRequestCount())),
                Map.entry("dataCentres", () -> admin.call(() -> inventory.keptDataCentres())),
                Map.entry("servers", () -> admin.call(() -> inventory.servers())),
                Map.entry("activeIncidents", () -> admin.call(() -> status.activeIncidents())),
                Map.entry("alerts", () -> admin.call(() -> monitoring.alerts())),
                Map.entry("reports.summary", () -> admin.call(() -> reports.summary())),
                Map.entry("journal.latest", () -> admin.call(() -> journal.latest(10))),
                Map.entry("agreements.expiringSoon", () -> admin.call(() -> agreements.expiringSoon())),
                Map.entry("controls.failing", () -> admin.call(() -> controls.failing())),
                Map.entry("identities.openAlerts", () -> admin.call(() -> identities.openAlerts(10)))), true);
        // /admin/tenants/: TenantListBean, a page of 25 by name with its count (one call since 4.36): the first, the 40th, and two searches
        tenantList(counts, "staff tenant list", null, 0);
        tenantList(counts, "staff tenant list, page 40", null, 975);
        tenantList(counts, "staff tenant search by name", "échelle 0000", 0);
        tenantList(counts, "staff tenant search by SIREN", siren(5), 0);
        // /admin/tenants/edit.xhtml?id=: TenantPageBean for its sections too (the demo tenant): overview, where get,
        // accounts.ofTenant and portalUsers.usernames took 5 statements in three transactions (4.24)
        long demo = support.call(() -> tenants.bySiren(DEMO)).id();
        page(counts, "staff tenant page", Map.of(
                "overview", () -> support.call(() -> tenants.overview(demo))));
        // /admin/compliance/: ComplianceDashboardBean on the stored report (summary, first page of 20); the unfiltered
        // table's total is the summary's count since pages11s (reports.count was a call of its own)
        page(counts, "staff compliance dashboard", Map.of(
                "reports.summary", () -> admin.call(() -> reports.summary()),
                "reports.page", () -> admin.call(() -> reports.page(StoredReportQuery.firstPage(20)))));
        // /admin/hosting/: InventoryBean, one call since pages9s (operators, data centres and serverPage in one
        // transaction; the alerts card reads the page's alerts, not Monitoring.alerts)
        page(counts, "staff hosting inventory", Map.of(
                "inventoryPage", () -> admin.call(() -> inventory.inventoryPage(0, 25))));
        // /admin/hosting/recovery.xhtml?server=: RecoveryBean, on the server that holds the 1,000 tenants
        // /status: StatusPageBean, through PublicStatusBoard (the board computed at most once every 5 s on a node), and
        // that computation itself
        page(counts, "public status", Map.of(
                "board.current", () -> board.current()));
        page(counts, "public status, computed once every 5 s", Map.of(
                "publicStatus", () -> status.publicStatus()));
        // /trust: TrustPageBean and PromisesBean through TrustSummaryCache (the statement once every 10 s per language,
        // since pages11s; the summary once a minute): what a view reads when the statement is read
        page(counts, "public trust", Map.of(
                "statement", () -> trust.statement("fr")));
        page(counts, "public trust summary, once a minute", Map.of(
                "summary", () -> trust.summary()));
        // (servers 2, settings 1, plan 6, drills 1 as separate calls before 4.17: 10)
        page(counts, "staff recovery plan", Map.of(
                "page", () -> admin.call(() -> plans.page(productionServer))));
        return counts;
    }

    /** The list view (and its one call) whose first page, when short, tells the total without a count (with 10 rows: see above). */
    private static final java.util.Set<String> COUNTED_WHEN_FULL = java.util.Set.of("staff tenant list", "staff tenant list / search");

    private void tenantList(Map<String, Long> counts, String page, String text, int first) throws Exception {
        // since 4.36 one call (search: the rows, and the count only for a full page), as TenantListBean's SearchedPages
        // asks; countMatching and rows before
        page(counts, page, Map.of(
                "search", () -> support.call(() -> tenants.search(new TenantQuery(text, null, null, TenantQuery.Sort.LEGAL_NAME, true, first, 25)))));
    }

    /**
     * Each call alone (as the first of a request) and the page: all its calls in one request, as the beans of one
     * view make them (what is read once per request, the caller's company, is then read once).
     */
    private void page(Map<String, Long> counts, String page, Map<String, Call<?>> calls) throws Exception {
        page(counts, page, calls, false);
    }

    /**
     * {@code inOneTransaction}: the page's calls in one transaction, as {@code PortalViewTransaction} runs the views it
     * names (the client dashboard's); each call alone has one of its own either way.
     */
    private void page(Map<String, Long> counts, String page, Map<String, Call<?>> calls, boolean inOneTransaction) throws Exception {
        Map<String, Call<?>> ordered = new TreeMap<>(calls);
        for (Map.Entry<String, Call<?>> call : ordered.entrySet()) {
            counts.put(page + " / " + call.getKey(), statements(call.getValue()));
        }
        counts.put(page, statements(() -> {
            if (inOneTransaction) {
                transaction.begin();
            }
            try {
                for (Call<?> call : ordered.values()) {
                    call.call();
                }
            } finally {
                if (inOneTransaction) {
                    transaction.commit();
                }
            }
            return null;
        }));
    }

    @jakarta.annotation.Resource
    jakarta.transaction.UserTransaction transaction;


    /** The fewest statements prepared over five views. */
    private long statements(Call<?> view) throws Exception {
        List<SessionFactory> units = List.of(tenantsUnit, hostingUnit, complianceUnit, securityUnit).stream()
                .map(u -> u.unwrap(SessionFactory.class)).toList();
        ToLongFunction<SessionFactory> prepared = f -> f.getStatistics().getPrepareStatementCount();
        units.forEach(u -> u.getStatistics().setStatisticsEnabled(true));
        InRequest.call(view); // warm: caches of the first view are not what a page view costs
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long before = units.stream().mapToLong(prepared).sum();
            InRequest.call(view);
            fewest = Math.min(fewest, units.stream().mapToLong(prepared).sum() - before);
        }
        return fewest;
    }
}
