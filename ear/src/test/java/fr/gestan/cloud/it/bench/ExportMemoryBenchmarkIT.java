package fr.gestan.cloud.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.ScaleSeeding;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportView;
import jakarta.ejb.EJB;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19's export goal, measured: a tenant with {@code GESTAN_EXPORT_CERTIFICATES} (1,000) certificates and
 * {@code GESTAN_EXPORT_ENTRIES} (100,000) journal entries exports, then downloads, while the live heap stays within 64
 * MB of its level before. The live heap is read right after a full collection ({@code System.gc()}), every half
 * second during the export and the download, so that garbage not yet collected does not count. A benchmark, not a
 * test of the suite: runs only with {@code GESTAN_BENCHMARK=true}; see docs/performance.md.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "GESTAN_BENCHMARK", matches = "true")
class ExportMemoryBenchmarkIT extends ScaleSeeding {

    private static final long MB = 1024 * 1024;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(ExportMemoryBenchmarkIT.class, List.of(ScaleSeeding.class), "gestan-compliance.jar",
                "gestan-tenants.jar", "gestan-hosting.jar");
    }

    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    Certificates certificates;
    @EJB
    AccessJournal journal;
    @EJB
    DataExports exports;

    @Test
    void a_large_tenant_exports_and_downloads_in_bounded_memory() throws Exception {
        int certificateCount = setting("GESTAN_EXPORT_CERTIFICATES", 1_000);
        int entryCount = setting("GESTAN_EXPORT_ENTRIES", 100_000);
        SupportClearance.clearEverySupportMember(agreements, admin);
        List<ServerView[]> servers = sites(1, 1);
        int i = 0; // a database of its own (GESTAN_TEST_DB_NAME): the first scale tenant
        long tenantId = tenant(i, servers.get(0));
        String siren = siren(i);

        long t0 = System.nanoTime();
        support.call(() -> certificates.issue(siren));
        for (int k = 1; k < certificateCount; k++) {
            support.call(() -> certificates.issueSuperseding(siren));
        }
        for (int from = 0; from < entryCount; from += AccessJournal.MAX_BATCH) {
            List<JournalEvent> events = IntStream.range(from, Math.min(entryCount, from + AccessJournal.MAX_BATCH))
                    .mapToObj(e -> JournalEvent.success("TENANT_VIEWED", siren, "export benchmark " + e)).toList();
            support.call(() -> journal.recordAll(events));
        }
        print("export: seeded " + certificateCount + " certificates and " + entryCount + " journal entries for " + siren + " in "
                + seconds(t0) + " s");

        long before = liveHeap();
        print("export: live heap before " + before / MB + " MB");
        LiveHeapPeak peak = new LiveHeapPeak();
        long t1 = System.nanoTime();
        ExportView done;
        try (peak) {
            ExportView started = support.call(() -> exports.start(tenantId));
            done = support.call(() -> exports.get(started.id()));
            while (done.running()) {
                Thread.sleep(250);
                long id = done.id();
                done = support.call(() -> exports.get(id));
            }
        }
        assertTrue(done.ready(), done::toString);
        print("export: built in " + seconds(t1) + " s, " + done.sizeBytes() / MB + " MB; live heap at most " + peak.max() / MB
                + " MB (" + (peak.max() - before) / MB + " MB above before, goal 64), " + peak.samples() + " samples");

        AtomicLong downloaded = new AtomicLong();
        LiveHeapPeak downloadPeak = new LiveHeapPeak();
        long t2 = System.nanoTime();
        long id = done.id();
        try (downloadPeak) {
            support.call(() -> {
                exports.download(id, new OutputStream() {
                    @Override
                    public void write(int b) {
                        downloaded.incrementAndGet();
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        downloaded.addAndGet(len);
                    }
                });
                return null;
            });
        }
        assertEquals(done.sizeBytes(), downloaded.get());
        print("export: downloaded in " + seconds(t2) + " s; live heap at most " + downloadPeak.max() / MB + " MB ("
                + (downloadPeak.max() - before) / MB + " MB above before, goal 64), " + downloadPeak.samples() + " samples");
    }

    /** The heap in use right after a full collection: what is alive. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Samples the live heap every half second on its own thread until closed. */
    private static final class LiveHeapPeak implements AutoCloseable {
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread sampler = new Thread(() -> {
            while (running.get()) {
                sample();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-heap-sampler");

        LiveHeapPeak() {
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            max.accumulateAndGet(liveHeap(), Math::max);
            samples.incrementAndGet();
        }

        long max() {
            return max.get();
        }

        long samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            sampler.interrupt();
            sampler.join();
            sample(); // what is still held at the end counts too
        }
    }
}
