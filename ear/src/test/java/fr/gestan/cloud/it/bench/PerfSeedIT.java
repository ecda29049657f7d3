package fr.gestan.cloud.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.CertificateBatch;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.compliance.api.ComplianceReportJob;
import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.ScaleSeeding;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.security.api.VerificationProgress;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import jakarta.ejb.EJB;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeding command of the load harness, not a test of the suite (runs only with {@code GESTAN_SEED=true}): fills
 * an empty database (the one named by {@code GESTAN_TEST_DB_NAME}, kept with {@code GESTAN_TEST_DB_KEEP=true}) with
 * an offer at scale through the modules' own code, then checks that the journal verifies. Refused when the database
 * already holds tables (TestEnvironment, before anything deploys); the deployment adds its demo data (4 tenants). Sizes from the environment: {@code GESTAN_SEED_TENANTS} (10,000),
 * {@code GESTAN_SEED_PAIRS} (100 production and 100 backup servers),
 * {@code GESTAN_SEED_JOURNAL} (1,000,000 entries), {@code GESTAN_SEED_METRIC_DAYS} (90 days of measurements, one every
 * 5 minutes, for every server); the tenants on {@code GESTAN_SEED_THREADS} (2) threads, beside one more thread that
 * appends the journal entries then imports the measurements; then the daily compliance report and a certificate batch
 * certify every tenant (the batch's workers: {@code GESTAN_CERTIFICATES_BATCH_THREADS}, default the number of cores).
 * See docs/performance.md.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "GESTAN_SEED", matches = "true")
class PerfSeedIT extends ScaleSeeding {

    /** Journal entries appended per transaction (the module's bulk append, as many as it takes in one call). */
    static final int JOURNAL_BATCH = AccessJournal.MAX_BATCH;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(PerfSeedIT.class, List.of(ScaleSeeding.class, AsSupportWithoutTransaction.class), "gestan-compliance.jar", "gestan-tenants.jar",
                "gestan-hosting.jar");
    }

    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    HostedAccounts accounts;
    @EJB
    CertificateBatch batch;
    @EJB
    ComplianceReportJob reportJob;
    @EJB
    AsSupportWithoutTransaction longRun;
    @EJB
    AccessJournal journal;
    @EJB
    JournalIntegrity integrity;
    @EJB
    Monitoring monitoring;

    @Test
    void seed_an_offer_at_scale() throws Exception {
        int n = setting("GESTAN_SEED_TENANTS", 10_000);
        int pairs = setting("GESTAN_SEED_PAIRS", 100);
        long journalTarget = setting("GESTAN_SEED_JOURNAL", 1_000_000);
        int metricDays = setting("GESTAN_SEED_METRIC_DAYS", 90);

        // The database was empty (TestEnvironment refuses a kept one with tables): only the demo data of the deployment.
        long tenantsBefore = support.call(() -> tenants.count());
        assertTrue(admin.call(() -> inventory.servers()).stream().noneMatch(s -> s.name().startsWith("SCALE-")),
                "refused: the database was seeded already");

        long t0 = System.nanoTime();
        try {
            // support.it creates the hosted accounts: a registered support member with a valid agreement
            admin.call(() -> agreements.registerStaff(new NewStaffMember("support.it", "Support IT", "support")));
        } catch (StaffException alreadyRegistered) {
            // a previous run of the deployment registered it
        }
        SupportClearance.clearEverySupportMember(agreements, admin);
        List<ServerView[]> servers = sites(pairs, (n + pairs - 1) / pairs);
        print("seed: " + pairs + " production and " + pairs + " backup servers in " + seconds(t0) + " s");

        // Three steps that do not depend on each other run side by side: the tenants on their threads (JVM work and
        // short transactions), and on one more thread the journal entries then the measurements (mostly the
        // database's work). Each prints its own figure; the report and the certificates need all three done.
        int threads = Math.max(1, Math.min(setting("GESTAN_SEED_THREADS", 2), pairs));
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> history = pool.submit(() -> {
                journalEntries(journalTarget, n);
                measurements(servers, metricDays);
                return null;
            });
            long tt = System.nanoTime();
            AtomicInteger made = new AtomicInteger();
            List<Future<?>> tenantThreads = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tenantThreads.add(pool.submit(() -> {
                    tenants(n, servers, threads, thread, made, tt);
                    return null;
                }));
            }
            for (Future<?> f : tenantThreads) {
                f.get();
            }
            print("seed: " + n + " tenants (contact, hosted account, active contract) on " + threads + " threads in "
                    + seconds(tt) + " s");
            history.get();
        } finally {
            pool.shutdownNow();
        }
        print("seed: servers, tenants, journal entries and measurements in " + seconds(t0) + " s");

        // Certificates through the certificate batch (issue 19): the daily report stored first (the batch certifies the
        // tenants it shows unblocked, and the back office's dashboard reads it), then every tenant evaluated again,
        // rendered and signed in parallel, each page stored in one transaction.
        long tr = System.nanoTime();
        int evaluated;
        while ((evaluated = longRun.call(() -> reportJob.runNow(done -> { }))) < 0) {
            Thread.sleep(500); // the first run after deployment was going
        }
        print("seed: daily compliance report, " + evaluated + " tenants in " + seconds(tr) + " s");
        long t1 = System.nanoTime();
        CertificateBatchTally tally = longRun.call(() -> batch.run(t -> { }));
        double certificateSeconds = seconds(t1);
        print("seed: certificate batch, " + tally.summary() + " in " + certificateSeconds + " s (" + Math.round(tally.issued() / certificateSeconds)
                + " certificates/s)");
        assertTrue(tally.issued() >= n, tally::summary);
        // the offer's database as a production server's would be after this bulk load: analyzed (where autovacuum is off)
        print("seed: planner statistics: " + analyzeWhereAutovacuumIsOff());
        double total = seconds(t0);
        print("seed: done in " + total + " s (goal 300 s)");

        long t3 = System.nanoTime();
        JournalVerifier.Result verified = auditor.call(() -> integrity.verify(new VerificationProgress()));
        print("seed: journal verification " + verified + " in " + seconds(t3) + " s");
        assertTrue(verified.ok(), verified::toString);
        assertEquals(tenantsBefore + n, support.call(() -> tenants.count()));
    }

    /** Tenants per transaction of a seeding thread (as SqlPerPageIT seeds: fewer commits, the same service calls). */
    static final int TENANTS_PER_TRANSACTION = 20;

    /**
     * The tenants {@code i < n} whose server pair belongs to this thread ({@code pair % threads == thread}): the
     * threads never lock the same production server (a contract's creation locks it until commit), so they never wait
     * for each other. Each tenant with its contact, active contract and one hosted account.
     */
    private void tenants(int n, List<ServerView[]> servers, int threads, int thread, AtomicInteger made, long since) throws Exception {
        int pairs = servers.size();
        List<Integer> mine = java.util.stream.IntStream.range(0, n).filter(i -> (i % pairs) % threads == thread).boxed().toList();
        for (int from = 0; from < mine.size(); from += TENANTS_PER_TRANSACTION) {
            List<Integer> chunk = mine.subList(from, Math.min(from + TENANTS_PER_TRANSACTION, mine.size()));
            support.call(() -> {
                for (int i : chunk) {
                    long id = tenant(i, servers.get(i % pairs));
                    accounts.create(id, String.format("Compte comptable %05d", i));
                }
                return null;
            });
            for (int k = 0; k < chunk.size(); k++) {
                int done = made.incrementAndGet();
                if (done % 1000 == 0) {
                    print("seed: " + done + " tenants in " + seconds(since) + " s");
                }
            }
        }
    }

    /** Journal entries through the module's bulk append (the same entries and MACs), JOURNAL_BATCH per transaction. */
    private void journalEntries(long target, int n) throws Exception {
        long t2 = System.nanoTime();
        // the n SIRENs once: each is a Luhn completion (up to ten checks by regular expression), which per entry took a
        // third of the server's CPU samples while the entries were appended (JFR, performance.md 4.11)
        String[] sirens = java.util.stream.IntStream.range(0, n).mapToObj(ScaleSeeding::siren).toArray(String[]::new);
        long appended = 0;
        while (appended < target) {
            int batch = (int) Math.min(JOURNAL_BATCH, target - appended);
            long from = appended;
            List<JournalEvent> events = java.util.stream.LongStream.range(from, from + batch)
                    .mapToObj(e -> JournalEvent.success("TENANT_VIEWED", sirens[(int) (e % n)], "seed " + e)).toList();
            support.call(() -> journal.recordAll(events));
            appended += batch;
        }
        print("seed: " + appended + " journal entries in " + seconds(t2) + " s");
    }

    /** {@code days} of measurements for every server, one every 5 minutes, through the administrators' import. */
    private void measurements(List<ServerView[]> servers, int days) throws Exception {
        long tm = System.nanoTime();
        long measurements = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (ServerView[] pair : servers) {
            for (ServerView server : pair) {
                List<MetricSample> history = history(server.id(), days, now);
                measurements += admin.call(() -> monitoring.importHistory(server.id(), history));
            }
        }
        print("seed: " + measurements + " measurements (" + days + " days, every 5 minutes, " + 2 * servers.size()
                + " servers) in " + seconds(tm) + " s");
    }

    /** A server's measurements over {@code days} up to {@code now}, oldest first: a daily wave, different per server. */
    private static List<MetricSample> history(long server, int days, Instant now) {
        int count = days * 288;
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            int hour = (i / 12) % 24;
            BigDecimal cpu = BigDecimal.valueOf(15 + (hour >= 9 && hour < 19 ? 25 : 0) + (i * 7 + server) % 11);
            BigDecimal disk = BigDecimal.valueOf(40 + (server % 30) + i / 2_000.0).setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal memory = BigDecimal.valueOf(50 + (i * 3 + server) % 17);
            return new MetricSample(cpu, disk, memory, now.minus(Duration.ofMinutes(5L * (count - 1 - i))));
        }).toList();
    }
}
