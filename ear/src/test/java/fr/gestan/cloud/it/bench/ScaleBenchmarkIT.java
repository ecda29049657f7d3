package fr.gestan.cloud.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.CertificateBatch;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.ComplianceReportJob;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.StoredReportQuery;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.CaughtMail;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.ScaleSeeding;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A benchmark, not a test of the suite: the long work of the back office at scale. Seeds {@code GESTAN_BENCHMARK_TENANTS}
 * (default 10,000) compliant tenants through the modules' APIs (one contract each, 1,000 per production server), then
 * measures the daily compliance report, the dashboard's queries on it, a certificate batch over every tenant (after an
 * untimed warm-up of the renderer, as the reference rendered alone right after it is warm), and
 * the registry's queries with that many certificates; prints the figures. Runs only with {@code GESTAN_BENCHMARK=true}
 * (an environment variable, so that the server side of this in-container test sees it too); see docs/compliance.md.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "GESTAN_BENCHMARK", matches = "true")
class ScaleBenchmarkIT extends ScaleSeeding {

    static final int PER_SERVER = 1000;
    /**
     * The renderer's untimed warm-up before the batch: at least this many s ({@code GESTAN_BENCHMARK_WARM_UP_SECONDS},
     * 0: none), then until the JIT is nearly idle and its queues nearly empty, at most {@link #WARM_UP_MAX_SECONDS}.
     */
    static final int WARM_UP_SECONDS = 10;
    static final int WARM_UP_MAX_SECONDS = 180;
    /**
     * Tenants of their own certified by an untimed batch before the measured one ({@code GESTAN_BENCHMARK_WARM_UP_TENANTS},
     * 0: none): the measured batch finds them already certified, after its own tenants.
     */
    static final int WARM_UP_TENANTS = 500;
    /**
     * Batches over the warm-up tenants ({@code GESTAN_BENCHMARK_WARM_UP_ROUNDS}, default 4), each after their certificates
     * were revoked (as staff revoke, journaled): a server that has issued as many certificates before, without seeding
     * as many more tenants. The batch's own path runs once per certificate or e-mail and reaches C2 only after several
     * thousand calls (docs/performance.md, batch11 and batch19); after two rounds of 5,000 the measured batch still
     * compiled for longer than it ran on a loaded machine, after four its JIT took a sixth of the CPU per certificate
     * it took after two (docs/performance.md 4.75). Each round prints the JIT's compile time during it.
     */
    static final int WARM_UP_ROUNDS = 4;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withHibernate(Deployments.modules(ScaleBenchmarkIT.class, List.of(AsSupportWithoutTransaction.class,
                        ScaleSeeding.class, SignedRenders.class, ServerCpu.class, DatabaseCpu.class, CaughtMail.class),
                "gestan-compliance.jar", "gestan-tenants.jar", "gestan-hosting.jar"));
    }

    /** With ScaleSeeding's four, the units whose Hibernate statistics count the batch's statements (issue 19: per page, not per tenant). */
    @PersistenceUnit(unitName = "notifications")
    EntityManagerFactory notificationsUnit;

    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    ComplianceReportJob job;
    @EJB
    ComplianceReports reports;
    @EJB
    CertificateBatch batch;
    @EJB
    Certificates certificates;
    @EJB
    AsSupportWithoutTransaction longRun;

    @Test
    void the_back_office_long_work_at_scale() throws Exception {
        int n = setting("GESTAN_BENCHMARK_TENANTS", 10_000);
        int w = setting("GESTAN_BENCHMARK_WARM_UP_TENANTS", WARM_UP_TENANTS);
        List<ServerView[]> servers = sites((n + w + PER_SERVER - 1) / PER_SERVER, PER_SERVER);
        SupportClearance.clearEverySupportMember(agreements, admin);
        // The batch's e-mails go to a relay that accepts and keeps nothing, as the provider's relay on another machine
        // would: GreenMail parsing them in the test's JVM took CPU from the server measured (docs/performance.md 4.38).
        CaughtMail.discardSmtp();
        try {
            measure(n, w, servers);
        } finally {
            print("mail: GreenMail back, " + CaughtMail.startSmtp());
        }
    }

    private void measure(int n, int w, List<ServerView[]> servers) throws Exception {

        if (w > 0) {
            // Untimed: a first batch over tenants of its own (after the measured ones in SIREN order, seeded before them), so
            // that the measured batch runs in a JVM that has compiled its whole path (reading the pages, the rules, storing,
            // the journal, the outbox), as the renderer's warm-up below does for the reference rendered alone.
            java.lang.management.CompilationMXBean compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
            long jitWarm = compiler.getTotalCompilationTime();
            long tw = System.nanoTime();
            for (int i = n; i < n + w; i++) {
                tenant(i, servers.get(i / PER_SERVER));
            }
            while (longRun.call(() -> job.runNow(done -> { })) < 0) {
                Thread.sleep(500); // the first run after deployment was going
            }
            long jitRound = compiler.getTotalCompilationTime();
            long tb = System.nanoTime();
            CertificateBatchTally warm = longRun.call(() -> batch.run(t -> { }));
            print("warm-up batch (untimed): " + w + " tenants of its own seeded, evaluated and certified in " + seconds(tw) + " s ("
                    + warm.summary() + "); the JIT compiled " + (compiler.getTotalCompilationTime() - jitRound) + " ms during its batch ("
                    + Math.round(seconds(tb) * 1000) + " ms), " + (jitRound - jitWarm) + " ms before it");
            int rounds = setting("GESTAN_BENCHMARK_WARM_UP_ROUNDS", WARM_UP_ROUNDS);
            for (int round = 2; round <= rounds; round++) {
                long tr = System.nanoTime();
                int revoked = revokeWarmUpCertificates(n, w);
                long jitAgain = compiler.getTotalCompilationTime();
                long ta = System.nanoTime();
                CertificateBatchTally again = longRun.call(() -> batch.run(t -> { }));
                print("warm-up batch round " + round + " (untimed): " + revoked + " of its certificates revoked, then certified again in "
                        + seconds(tr) + " s (" + again.summary() + "); the JIT compiled " + (compiler.getTotalCompilationTime() - jitAgain)
                        + " ms during its batch (" + Math.round(seconds(ta) * 1000) + " ms)");
            }
        }

        long t0 = System.nanoTime();
        for (int k = 0; k < n; k++) {
            int i = k;
            tenant(i, servers.get(i / PER_SERVER));
            if ((i + 1) % 1000 == 0) {
                print("seeded " + (i + 1) + " tenants in " + seconds(t0) + " s");
            }
        }
        double seeding = seconds(t0);
        long total = support.call(() -> tenants.count());
        print("seeding: " + n + " tenants with an active contract each in " + seeding + " s (" + Math.round(n / seeding) + " tenants/s); "
                + total + " tenants in all");

        long t1 = System.nanoTime();
        int evaluated;
        while ((evaluated = longRun.call(() -> job.runNow(done -> { }))) < 0) {
            Thread.sleep(500); // the first run after deployment was going
        }
        double report = seconds(t1);
        print("daily compliance report: " + evaluated + " tenants evaluated and stored in " + report + " s ("
                + Math.round(evaluated / report) + " tenants/s, " + Math.round(report * 10_000 / evaluated) + " s per 10,000)");
        assertEquals(total, evaluated);

        print("planner statistics: " + analyzeWhereAutovacuumIsOff());

        StoredReportSummary summary = median("dashboard summary (one aggregate query)", () -> auditor.call(() -> reports.summary()));
        print("  summary: " + summary);
        median("dashboard first page, 20 rows by outcome", () -> auditor.call(() -> reports.page(StoredReportQuery.firstPage(20))));
        median("dashboard last page, 20 rows by name", () -> auditor.call(() -> reports.page(
                new StoredReportQuery(null, false, StoredReportQuery.Sort.TENANT_NAME, true, (int) Math.max(0, total - 20), 20))));
        median("dashboard count of FAIL", () -> auditor.call(() -> reports.count(
                new StoredReportQuery(RuleOutcome.FAIL, false, StoredReportQuery.Sort.OUTCOME, true, 0, 1))));

        // Both sides of the comparison below in a JVM that has compiled the renderer: the batch would otherwise be the
        // first rendering in this JVM and pay the JIT's work, which the reference, measured right after it, does not.
        // (GESTAN_BENCHMARK_WARM_UP_SECONDS=0: none, to see the server's own warm-up after its start)
        int threads = SignedRenders.batchThreads();
        int warmUp = setting("GESTAN_BENCHMARK_WARM_UP_SECONDS", WARM_UP_SECONDS);
        if (warmUp > 0) {
            long tw = System.nanoTime();
            SignedRenders.WarmUp warmed = SignedRenders.warmUp(threads, warmUp, WARM_UP_MAX_SECONDS);
            print("renderer warmed up before the batch (untimed): " + warmed.made() + " certificates rendered and signed on " + threads
                    + " thread(s) in " + seconds(tw) + " s; the JIT compiled " + warmed.lastRoundCompileMs() + " ms in its last "
                    + SignedRenders.ROUND_SECONDS + " s, " + warmed.queued() + " method(s) left in its queues; its ms each "
                    + SignedRenders.ROUND_SECONDS + " s: " + warmed.compileMs() + "; the renderer's compiled methods on C2's code: "
                    + warmed.rendererAtC2() + " of " + warmed.rendererCompiled());
        }
        long candidates = support.call(() -> batch.candidates());
        Map<String, Statistics> units = statistics();
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        ServerCpu.Snapshot cpuBefore = ServerCpu.now();
        Map<Integer, Long> databaseBefore = DatabaseCpu.now(owner);
        long t2 = System.nanoTime();
        CertificateBatchTally tally = longRun.call(() -> batch.run(t -> { }));
        double batchSeconds = seconds(t2);
        Map<String, Double> batchCpu = ServerCpu.perUnit(cpuBefore, ServerCpu.now(), tally.issued());
        double batchDatabaseCpu = DatabaseCpu.perUnit(databaseBefore, DatabaseCpu.now(owner), tally.issued());
        long jitBatch = jit.getTotalCompilationTime() - jitBefore;
        printStatistics(units, (tally.considered() + 49) / 50);
        print("certificate batch: load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        print("certificate batch: " + candidates + " candidates, " + tally.summary() + " in " + batchSeconds + " s ("
                + Math.round(tally.considered() / batchSeconds) + " tenants/s, " + Math.round(batchSeconds * 10_000 / Math.max(1, tally.considered()))
                + " s per 10,000)");
        assertTrue(tally.issued() >= n, tally::summary);
        // the batch's ceiling, right after it in the same server: the same certificates rendered and signed alone, on the
        // batch's number of threads (issue 19: the batch at 60 % of the signed rate, same threads, same run)
        double batchRate = tally.issued() / batchSeconds;
        long jitBeforeAlone = jit.getTotalCompilationTime();
        SignedRenders.Rate reference = SignedRenders.perSecond(threads, 20);
        double alone = reference.perSecond();
        long jitAlone = jit.getTotalCompilationTime() - jitBeforeAlone;
        // the JIT's compile time (its threads' elapsed time, not CPU) on each side: both should run compiled code
        print("the JIT compiled " + jitBatch + " ms during the batch (" + Math.round(batchSeconds * 1000) + " ms), " + jitAlone
                + " ms during the renders alone (21 s); the renderer's compiled methods on C2's code after the batch: "
                + SignedRenders.compiledAtC2(SignedRenders.RENDERER)[0] + " of " + SignedRenders.compiledAtC2(SignedRenders.RENDERER)[1]);
        print(String.format(java.util.Locale.ROOT, "signed certificates rendered alone in the server on %d thread(s), right after the batch:"
                + " %.1f/s; batch %.1f/s = %.0f %% of it (load average %.2f)", threads, alone, batchRate, 100 * batchRate / alone,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        // The same comparison in the server's CPU per certificate, which follows the work rather than the machine's load
        // (the rates above measure how much of the two cores the benchmark got); PostgreSQL's CPU is in neither.
        print("the server's CPU per certificate issued by the batch, ms: " + ServerCpu.format(batchCpu));
        print("the server's CPU per certificate rendered alone, ms: " + ServerCpu.format(reference.cpuMs()));
        double aloneCpu = reference.cpuMs().get("all") - reference.cpuMs().get("outbox sender and pollers");
        print(String.format(java.util.Locale.ROOT, "CPU per certificate: rendered alone %.2f ms (the outbox sender's e-mails left by the batch"
                + " not counted), batch %.2f ms: the batch at %.0f %% of the renders' rate were the cores its own", aloneCpu,
                batchCpu.get("all"), 100 * aloneCpu / batchCpu.get("all")));
        // PostgreSQL runs on the same cores: its CPU for the batch's certificates is part of what the batch costs (the
        // renders alone ask nothing of it but the sender's leftover e-mails' outcomes)
        print(String.format(java.util.Locale.ROOT, "CPU per certificate with PostgreSQL's: its backends of this database %.2f ms during the"
                + " batch; rendered alone %.2f ms, batch %.2f ms: the batch at %.0f %% of the renders' rate were the cores its own",
                batchDatabaseCpu, aloneCpu, batchCpu.get("all") + batchDatabaseCpu, 100 * aloneCpu / (batchCpu.get("all") + batchDatabaseCpu)));

        median("registry first page, 25 valid certificates", () -> auditor.call(() -> certificates.search(null, CertificateStatus.VALID, 0, 25)));
        median("registry last page, 25 certificates", () -> auditor.call(() -> certificates.search(null, null,
                (int) Math.max(0, tally.issued() - 25), 25)));
        median("registry count of valid certificates", () -> auditor.call(() -> certificates.count(null, CertificateStatus.VALID)));
        long t3 = System.nanoTime();
        CertificateBatchTally again = longRun.call(() -> batch.run(t -> { }));
        print("second certificate batch (everyone already certified): " + again.summary() + " in " + seconds(t3) + " s");
        assertEquals(0, again.issued());
    }

    /** Revokes the valid certificates of the warm-up tenants (SIRENs of tenants n to n + w - 1), one by one as staff do. */
    private int revokeWarmUpCertificates(int n, int w) throws Exception {
        java.util.Set<String> warmUp = new java.util.HashSet<>();
        for (int i = n; i < n + w; i++) {
            warmUp.add(siren(i));
        }
        List<String> numbers = new java.util.ArrayList<>();
        for (int first = 0; ; first += 500) {
            int from = first;
            List<fr.gestan.cloud.compliance.api.CertificateView> page = support.call(() -> certificates.search(null, CertificateStatus.VALID, from, 500));
            page.stream().filter(c -> warmUp.contains(c.tenantSiren())).forEach(c -> numbers.add(c.number()));
            if (page.size() < 500) {
                break;
            }
        }
        for (String number : numbers) {
            support.call(() -> certificates.revoke(number, "benchmark: warm-up round"));
        }
        return numbers.size();
    }

    /** Each module's Hibernate statistics, zeroed and counting from now. */
    private Map<String, Statistics> statistics() {
        Map<String, Statistics> units = new LinkedHashMap<>();
        units.put("tenants", tenantsUnit.unwrap(SessionFactory.class).getStatistics());
        units.put("hosting", hostingUnit.unwrap(SessionFactory.class).getStatistics());
        units.put("compliance", complianceUnit.unwrap(SessionFactory.class).getStatistics());
        units.put("security", securityUnit.unwrap(SessionFactory.class).getStatistics());
        units.put("notifications", notificationsUnit.unwrap(SessionFactory.class).getStatistics());
        units.values().forEach(st -> {
            st.clear();
            st.setStatisticsEnabled(true);
        });
        return units;
    }

    /**
     * What the batch asked of Hibernate, per module and per page of 50 (the statements Hibernate prepared, not those of
     * plain JDBC: the journal's, the numbers'): statements, queries, entities loaded, collections loaded, flushes.
     */
    private static void printStatistics(Map<String, Statistics> units, long pages) {
        StringBuilder line = new StringBuilder("the batch's Hibernate statements, per page of 50 (" + pages + " pages):");
        units.forEach((name, st) -> {
            st.setStatisticsEnabled(false);
            line.append(String.format(java.util.Locale.ROOT, " %s %.1f (queries %.1f, entities loaded %.1f, collections %.1f, flushes %.1f);",
                    name, st.getPrepareStatementCount() / (double) pages, st.getQueryExecutionCount() / (double) pages,
                    st.getEntityLoadCount() / (double) pages, st.getCollectionLoadCount() / (double) pages, st.getFlushCount() / (double) pages));
        });
        print(line.toString());
    }

    /** Runs a read five times (the first warms up) and prints the median of the last four. */
    private static <T> T median(String what, Call<T> read) throws Exception {
        T result = read.call();
        long[] ms = new long[4];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            result = read.call();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        print("  " + what + ": " + (ms[1] + ms[2]) / 2 + " ms (median of 4)");
        return result;
    }
}
