package fr.gestan.cloud.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.security.api.DashboardSecurity;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.tenants.api.TenantService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The back-office dashboard's figures: one call per module (five, eleven before), each passing the container's
 * interceptors once (docs/performance.md, "the staff dashboard's calls").
 */
class BackOfficeDashboardTest {

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> answers = Map.ofEntries(
            Map.entry("staffCounts", new TenantService.StaffCounts(2004, 7)),
            Map.entry("dashboardTiles", new HostingInventory.DashboardTiles(List.of(), List.of(), List.of(), List.of())),
            Map.entry("summary", new StoredReportSummary(2004, 5, 6, 7, Instant.EPOCH)),
            Map.entry("read", new DashboardSecurity.Tiles(List.of(), List.of(), List.of())), Map.entry("failing", List.of()));
    private final BackOfficeDashboard dashboard = new BackOfficeDashboard();

    BackOfficeDashboardTest() {
        dashboard.tenants = fake(TenantService.class);
        dashboard.inventory = fake(HostingInventory.class);
        dashboard.reports = fake(ComplianceReports.class);
        dashboard.security = fake(DashboardSecurity.class);
        dashboard.controls = fake(ServerControls.class);
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
    void every_tile_s_figure_is_read_by_one_call_per_module() {
        BackOfficeFigures figures = dashboard.read(true);
        TenantService.StaffCounts counts = (TenantService.StaffCounts) answers.get("staffCounts");
        HostingInventory.DashboardTiles hosting = (HostingInventory.DashboardTiles) answers.get("dashboardTiles");
        DashboardSecurity.Tiles security = (DashboardSecurity.Tiles) answers.get("read");
        assertEquals(2004, figures.tenantCount());
        assertEquals(7, figures.pendingRequests(), "open change requests and pending resets");
        assertSame(hosting.dataCentres(), figures.dataCentres());
        assertSame(hosting.servers(), figures.servers());
        assertSame(hosting.openIncidents(), figures.openIncidents());
        assertSame(hosting.alerts(), figures.alerts());
        assertSame(answers.get("summary"), figures.compliance());
        assertSame(security.latestJournal(), figures.latestJournal());
        assertSame(security.expiringAgreements(), figures.expiringAgreements());
        assertSame(answers.get("failing"), figures.failingControls());
        assertSame(security.serverAccessAlerts(), figures.serverAccessAlerts());
        assertEquals(counts.tenants(), figures.tenantCount());
        assertEquals(List.of("TenantService.staffCounts", "HostingInventory.dashboardTiles", "DashboardSecurity.read[10, 10]",
                "ComplianceReports.summary", "ServerControls.failing"), calls, "one call per module, the security tiles' three reads in one");
    }

    @Test
    void the_journal_is_not_read_for_those_who_may_not_see_it() {
        dashboard.read(false);
        assertTrue(calls.contains("DashboardSecurity.read[0, 10]"), calls.toString());
        assertEquals(5, calls.size(), calls.toString());
    }
}
