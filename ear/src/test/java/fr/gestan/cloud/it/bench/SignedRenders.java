package fr.gestan.cloud.it.bench;

import fr.gestan.cloud.compliance.internal.pdf.CertificatePdf;
import fr.gestan.cloud.compliance.internal.pdf.CertificateSigner;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import fr.gestan.cloud.compliance.internal.pdf.TypicalCertificate;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The certificate batch's ceiling in the same server and the same run: certificates such as the batch issues to a
 * seeded tenant ({@link TypicalCertificate}: one contract, the policy's twelve measures, the eight rules, the
 * availability lines) rendered and signed with the server's active key, nothing read or stored, on as many threads
 * as the batch's workers ({@code gestan.certificates.batch-threads} or {@code GESTAN_CERTIFICATES_BATCH_THREADS}, else
 * the number of cores).
 * In-container, beside ScaleBenchmarkIT's batch (reaches the compliance module's renderer: EAR subdeployments are not
 * isolated).
 */
final class SignedRenders {

    private SignedRenders() {
    }

    /** The batch's number of workers, as the batch reads it. */
    static int batchThreads() {
        String configured = System.getProperty("gestan.certificates.batch-threads", System.getenv("GESTAN_CERTIFICATES_BATCH_THREADS"));
        return configured == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(configured.strip());
    }

    /** Signed certificates per second on {@code threads} threads over {@code seconds} s, after one second of warm-up. */
    static double perSecond(int threads, int seconds) throws Exception {
        CertificateSigner signer = new CertificateSigner(SigningKeyRing.current().active().key());
        run(signer, threads, 1_000_000_000L);
        long start = System.nanoTime();
        int made = run(signer, threads, seconds * 1_000_000_000L);
        return made / ((System.nanoTime() - start) / 1e9);
    }

    /** What an untimed warm-up did: certificates made, rounds of {@link #ROUND_SECONDS} s, the JIT's time in the last round. */
    record WarmUp(int made, int rounds, long lastRoundCompileMs) {
    }

    static final int ROUND_SECONDS = 2;

    /**
     * Untimed: certificates rendered and signed on {@code threads} threads, in rounds of {@value #ROUND_SECONDS} s, at
     * least {@code minSeconds} and until the JIT compiled for less than a tenth of a round (so that it has compiled the
     * renderer before what is measured next), at most {@code maxSeconds}.
     */
    static WarmUp warmUp(int threads, int minSeconds, int maxSeconds) throws Exception {
        CertificateSigner signer = new CertificateSigner(SigningKeyRing.current().active().key());
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int made = 0;
        int rounds = 0;
        long compiled;
        do {
            long before = jit.getTotalCompilationTime();
            made += run(signer, threads, ROUND_SECONDS * 1_000_000_000L);
            rounds++;
            compiled = jit.getTotalCompilationTime() - before;
        } while (rounds * ROUND_SECONDS < maxSeconds && (rounds * ROUND_SECONDS < minSeconds || compiled * 10 >= ROUND_SECONDS * 1000L));
        return new WarmUp(made, rounds, compiled);
    }

    private static int run(CertificateSigner signer, int threads, long nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + nanos;
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                int mine = 0;
                while (System.nanoTime() < end) {
                    int i = next.incrementAndGet();
                    GregorianCalendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
                    if (CertificatePdf.renderSigned(TypicalCertificate.numbered(i), signer, "Attestation", when).length > 0) {
                        mine++;
                    }
                }
                return mine;
            }));
        }
        int made = 0;
        for (Future<Integer> f : done) {
            made += f.get();
        }
        pool.shutdown();
        return made;
    }
}
