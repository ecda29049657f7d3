package fr.gestan.cloud.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service work of the client's export page and of its "Exporter" request (issue 19, docs/performance.md 4.20),
 * as the page's bean did it before branch export4 ({@code PortalCompanyBean}: the company, its change requests, its
 * logins, its exports and its security contact on every view, all five again after a start, and the started export
 * read back) and as it does now ({@code PortalExportBean}: the exports alone; a start, nothing read again).
 * Alternated in one run, the request thread's CPU time (the services run in the caller's thread) and its wall time,
 * medians, then the ratios. Prints; asserts only that both ways list the same exports. A benchmark, not a test of the
 * suite: runs only with {@code GESTAN_BENCHMARK=true}.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "GESTAN_BENCHMARK", matches = "true")
class ExportPageBenchmarkIT extends WithRoleCallers {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(ExportPageBenchmarkIT.class, "gestan-tenants.jar", "gestan-hosting.jar");
    }

    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;
    @EJB
    DataExports exports;

    @Test
    void the_export_page_and_its_start_before_and_after() throws Exception {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("GESTAN_EXPORT_PAGE_ROUNDS", "200"));
        int starts = Integer.parseInt(System.getenv().getOrDefault("GESTAN_EXPORT_START_ROUNDS", "20"));
        Call<List<ExportView>> pageBefore = () -> client.call(() -> {
            tenants.myCompanyRecord();
            tenants.myChangeRequests();
            accounts.myAccounts();
            List<ExportView> list = exports.mine();
            tenants.mySecurityContact();
            return list;
        });
        Call<List<ExportView>> pageAfter = () -> client.call(exports::mine);
        Call<Object> startBefore = () -> client.call(() -> {
            exports.get(exports.startMine().id());
            return pageBefore.call();
        });
        Call<Object> startAfter = () -> client.call(exports::startMine);

        startAfter.call(); // a list that is not empty
        assertEquals(pageBefore.call(), pageAfter.call());
        for (int i = 0; i < 20; i++) { // warm-up
            pageBefore.call();
            pageAfter.call();
        }
        report("export page view", pageBefore, pageAfter, rounds);
        report("export request (start)", startBefore, startAfter, starts);
    }

    private static void report(String what, Call<?> before, Call<?> after, int rounds) throws Exception {
        long[][] cpu = new long[2][rounds];
        long[][] wall = new long[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int way = 0; way < 2; way++) { // alternated: both meet the same moment of the machine
                long c0 = THREADS.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                (way == 0 ? before : after).call();
                wall[way][r] = System.nanoTime() - w0;
                cpu[way][r] = THREADS.getCurrentThreadCpuTime() - c0;
            }
        }
        double cpuBefore = median(cpu[0]), cpuAfter = median(cpu[1]), wallBefore = median(wall[0]), wallAfter = median(wall[1]);
        System.out.printf("BENCHMARK %s, %d rounds alternated: CPU median before %.2f ms, after %.2f ms (%.1f× less); "
                        + "wall median before %.2f ms, after %.2f ms (%.1f× less); load average %.2f%n",
                what, rounds, cpuBefore / 1e6, cpuAfter / 1e6, cpuBefore / cpuAfter, wallBefore / 1e6, wallAfter / 1e6,
                wallBefore / wallAfter, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
