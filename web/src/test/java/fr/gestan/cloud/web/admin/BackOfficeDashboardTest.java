package fr.gestan.cloud.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackOfficeDashboardTest {

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> answers = Map.ofEntries(
            Map.entry("count", 2004L), Map.entry("openChangeRequestCount", 3L), Map.entry("pendingResetRequestCount", 4L),
            Map.entry("keptDataCentres", List.of("data centres")), Map.entry("servers", List.of("servers")),
            Map.entry("activeIncidents", List.of("incidents")), Map.entry("alerts", List.of("alerts")),
            Map.entry("summary", new StoredReportSummary(2004, 5, 6, 7, Instant.EPOCH)), Map.entry("latest", List.of("entries")),
            Map.entry("expiringSoon", List.of("agreements")), Map.entry("failing", List.of("controls")),
            Map.entry("openAlerts", List.of("access alerts")));
    private final BackOfficeDashboard dashboard = new BackOfficeDashboard();

    BackOfficeDashboardTest() {
        dashboard.tenants = fake(TenantService.class);
        dashboard.accounts = fake(HostedAccounts.class);
        dashboard.inventory = fake(HostingInventory.class);
        dashboard.status = fake(ServerStatus.class);
        dashboard.monitoring = fake(Monitoring.class);
        dashboard.reports = fake(ComplianceReports.class);
        dashboard.journal = fake(JournalQuery.class);
        dashboard.agreements = fake(ConfidentialityAgreements.class);
        dashboard.controls = fake(ServerControls.class);
        dashboard.identities = fake(ServerIdentities.class);
    }

    private <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            calls.add(type.getSimpleName() + "." + method.getName() + (args == null ? "" : List.of(args)));
            return answer;
        }));
    }

    @Test
    void every_tile_s_figure_is_read_by_the_one_call() {
        BackOfficeFigures figures = dashboard.read(true);
        assertEquals(2004, figures.tenantCount());
        assertEquals(7, figures.pendingRequests(), "open change requests and pending resets");
        assertSame(answers.get("keptDataCentres"), figures.dataCentres());
        assertSame(answers.get("servers"), figures.servers());
        assertSame(answers.get("activeIncidents"), figures.openIncidents());
        assertSame(answers.get("alerts"), figures.alerts());
        assertSame(answers.get("summary"), figures.compliance());
        assertSame(answers.get("latest"), figures.latestJournal());
        assertSame(answers.get("expiringSoon"), figures.expiringAgreements());
        assertSame(answers.get("failing"), figures.failingControls());
        assertSame(answers.get("openAlerts"), figures.serverAccessAlerts());
        assertTrue(calls.contains("JournalQuery.latest[10]"), calls.toString());
        assertTrue(calls.contains("ServerIdentities.openAlerts[10]"), calls.toString());
        assertEquals(12, calls.size(), "each service once: " + calls);
    }

    @Test
    void the_journal_is_not_read_for_those_who_may_not_see_it() {
        BackOfficeFigures figures = dashboard.read(false);
        assertEquals(List.of(), figures.latestJournal());
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("JournalQuery")), calls.toString());
        assertEquals(11, calls.size(), calls.toString());
    }
}
