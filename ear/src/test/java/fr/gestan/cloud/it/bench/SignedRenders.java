package fr.gestan.cloud.it.bench;

import fr.gestan.cloud.compliance.internal.pdf.CertificateContent;
import fr.gestan.cloud.compliance.internal.pdf.CertificatePdf;
import fr.gestan.cloud.compliance.internal.pdf.CertificateSigner;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * seeded tenant (one contract, the policy's twelve measures, the eight rules, the availability lines) rendered and
 * signed with the server's active key, nothing read or stored, on as many threads as the batch's workers
 * ({@code gestan.certificates.batch-threads} or {@code GESTAN_CERTIFICATES_BATCH_THREADS}, else the number of cores).
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

    /**
     * Signed certificates per second on {@code threads} threads over {@code seconds} s, after one second of warm-up, and
     * the server's CPU per certificate meanwhile ({@link ServerCpu}, ms).
     */
    static Rate perSecond(int threads, int seconds) throws Exception {
        CertificateSigner signer = new CertificateSigner(SigningKeyRing.current().active().key());
        run(signer, threads, 1_000_000_000L);
        ServerCpu.Snapshot before = ServerCpu.now();
        long start = System.nanoTime();
        int made = run(signer, threads, seconds * 1_000_000_000L);
        double rate = made / ((System.nanoTime() - start) / 1e9);
        return new Rate(rate, ServerCpu.perUnit(before, ServerCpu.now(), made));
    }

    /** Certificates a second, and the server's CPU per certificate by thread group (ms; see {@link ServerCpu#perUnit}). */
    record Rate(double perSecond, java.util.Map<String, Double> cpuMs) {
    }

    /**
     * What an untimed warm-up did: certificates made, rounds of {@link #ROUND_SECONDS} s, the JIT's time in each round
     * (ms, in order), the methods waiting in its compile queues (or compiling) at the end ({@code -1}: not readable),
     * and of the renderer's methods ({@link #RENDERER}) that the JIT compiled, those whose code in use is C2's at the end
     * and all of them ({@code -1}: not readable).
     */
    record WarmUp(int made, int rounds, List<Long> compileMs, int queued, int rendererAtC2, int rendererCompiled) {

        long lastRoundCompileMs() {
            return compileMs.isEmpty() ? 0 : compileMs.get(compileMs.size() - 1);
        }
    }

    static final int ROUND_SECONDS = 2;

    /** At most this many methods waiting for the JIT (or compiling) when a warm-up may end. */
    static final int QUEUED_AT_END = 2;

    /**
     * Quiet rounds in a row that end a warm-up (docs/performance.md, batch11): one quiet round was not enough. While
     * the JIT's queue is long, HotSpot raises the invocation counts that send a method to C2 (Tier4LoadFeedback), so
     * the renderer's methods called once a certificate (CertificatePdf's sections) were still in C1's profiled code
     * when the queue had just emptied, and reached C2 during the measured batch and the reference after it (3,000
     * tenants: {@code CertificatePdf.render}, {@code availability}, {@code heading}, {@code journal}, the CMS signer's
     * {@code SignerInfoGenerator.generate}, 0.6–1 s of C2 each at load 10).
     */
    static final int QUIET_ROUNDS = 3;

    /** The renderer's classes, whose methods the warm-up must bring to C2 (a prefix of their names in the JIT's code list). */
    static final String RENDERER = "fr.gestan.cloud.compliance.internal.pdf.";

    /**
     * Untimed: certificates rendered and signed on {@code threads} threads, in rounds of {@value #ROUND_SECONDS} s, at
     * least {@code minSeconds} and until, for {@value #QUIET_ROUNDS} rounds in a row, the JIT compiled for less than a
     * tenth of a round and its compile queues held at most {@value #QUEUED_AT_END} methods (so that it has compiled
     * the renderer before what is measured next), at most {@code maxSeconds}. The queues, not only the compile time:
     * on a loaded machine the compiler threads get so little CPU that a round's compile time stays small while the
     * renderer's methods wait in the queue, and the batch measured next paid their compilation (docs/performance.md
     * 4.38: 176 s of compiles in a 184 s batch at load 50).
     */
    static WarmUp warmUp(int threads, int minSeconds, int maxSeconds) throws Exception {
        CertificateSigner signer = new CertificateSigner(SigningKeyRing.current().active().key());
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int made = 0;
        int rounds = 0;
        int quiet = 0;
        List<Long> compileMs = new ArrayList<>();
        int queued;
        do {
            long before = jit.getTotalCompilationTime();
            made += run(signer, threads, ROUND_SECONDS * 1_000_000_000L);
            rounds++;
            long compiled = jit.getTotalCompilationTime() - before;
            compileMs.add(compiled);
            queued = compileQueue();
            quiet = compiled * 10 < ROUND_SECONDS * 1000L && queued <= QUEUED_AT_END ? quiet + 1 : 0;
        } while (rounds * ROUND_SECONDS < maxSeconds && (rounds * ROUND_SECONDS < minSeconds || quiet < QUIET_ROUNDS));
        int[] renderer = compiledAtC2(RENDERER);
        return new WarmUp(made, rounds, compileMs, queued, renderer[0], renderer[1]);
    }

    /**
     * Of the methods whose class name starts with {@code prefix} that the JIT compiled (HotSpot's {@code Compiler.codelist}
     * diagnostic command: a line per compiled code, "id level state method", state 0 in use), how many run C2's code
     * (level 4, in use), and how many in all; {-1, -1} when the command is not there. A method inlined into a caller
     * compiled by C2 may keep its C1 code in use without ever running it: a count, not a condition.
     */
    static int[] compiledAtC2(String prefix) {
        try {
            String list = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
                    new Object[] {null}, new String[] {String[].class.getName()});
            java.util.Set<String> all = new java.util.HashSet<>();
            java.util.Set<String> c2 = new java.util.HashSet<>();
            list.lines().map(line -> line.strip().split("\\s+", 5)).filter(f -> f.length >= 4 && f[3].startsWith(prefix)).forEach(f -> {
                all.add(f[3]);
                if ("4".equals(f[1]) && "0".equals(f[2])) {
                    c2.add(f[3]);
                }
            });
            return new int[] {c2.size(), all.size()};
        } catch (javax.management.JMException | RuntimeException e) {
            return new int[] {-1, -1};
        }
    }

    /**
     * The methods in the JIT's compile queues and being compiled now (HotSpot's {@code Compiler.queue} diagnostic
     * command, through its MBean: a line per method, starting with its compile id); -1 when the command is not there.
     */
    static int compileQueue() {
        try {
            String queue = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return (int) queue.lines().filter(line -> line.matches("\\s*(C[12] CompilerThread\\d+\\s+)?\\d+\\s.*")).count();
        } catch (javax.management.JMException | RuntimeException e) {
            return -1;
        }
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
                    if (CertificatePdf.renderSigned(content(i), signer, "Attestation", when).length > 0) {
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

    /**
     * A seeded tenant's certificate, numbered {@code i}, as the batch prints it for ScaleBenchmarkIT's tenants (so that
     * the warm-up compiles the renderer for the batch's branches, and the reference renders what the batch renders):
     * every rule passed, no client obligation, a server without reports yet (no availability figure, unmonitored time,
     * days before commissioning).
     */
    static CertificateContent content(int i) {
        String number = String.format("GC-2026-%06d", i % 999_999 + 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateContent.Site production = new CertificateContent.Site("SCALE-P-00", "SCALE-P", "Lyon", "FR", "Hébergement Échelle SAS", "FR", null);
        CertificateContent.Site backup = new CertificateContent.Site("SCALE-B-00", "SCALE-B", "Rennes", "FR", "Hébergement Échelle SAS", "FR", null);
        List<CertificateContent.Measure> measures = new ArrayList<>();
        for (String[] m : new String[][] {{"Protection contre la force brute : verrouillage après échecs", "Brute-force protection", "5"},
                {"Durée maximale de verrouillage", "Longest lockout", "15\u00A0min"}, {"Identifiants générés : longueur minimale", "Generated credentials", "24 / 4 classes"},
                {"Expiration des sessions inactives", "Idle session timeout", "30\u00A0min"}, {"Durée maximale d'une session", "Longest session", "10\u00A0h"},
                {"Mots de passe : longueur minimale / derniers non réutilisables", "Passwords", "12 / 5"},
                {"HTTPS (TLS) uniquement, relevé sur le serveur", "HTTPS (TLS) only", "oui / yes (TLSv1.3, TLSv1.2)"},
                {"Fréquence des sauvegardes", "Backup frequency", "24\u00A0h"}, {"Rétention des sauvegardes", "Backup retention", "30 jours / days"},
                {"Instantané système avant chaque mise à jour", "System snapshot before each update", "oui / yes"},
                {"Surveillance : seuils d'alerte processeur / disque / mémoire", "Monitoring thresholds", "90\u202F% / 85\u202F% / 90\u202F%"},
                {"Attaques DDoS atténuées en au plus", "DDoS attacks mitigated within", "4\u00A0h"}}) {
            measures.add(new CertificateContent.Measure(m[0], m[1], m[2]));
        }
        List<CertificateContent.RuleLine> rules = new ArrayList<>();
        for (int r = 1; r <= 8; r++) {
            rules.add(new CertificateContent.RuleLine("R" + r + "-RULE", "Référence légale " + r + ", art. " + (10 + r) + " § 2", "PASS",
                    "Explication de la règle " + r + " : ce que nous vérifions, sur quelles preuves et pour quels contrats de l'entreprise."
                            + " Preuves : transmises par les machines."));
        }
        return new CertificateContent(number, String.format("Société Échelle %05d SARL", i % 10_000), "700000" + String.format("%03d", i % 1000),
                List.of(new CertificateContent.ContractLine(1000 + i % 10_000, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null, "STANDARD",
                        production, backup, 10 + i % 1000)),
                1, measures, rules, new CertificateContent.Checkpoint(100_000 + i / 50, "ab".repeat(32), now), now, now.plus(365, ChronoUnit.DAYS),
                "https://gestan.example/verify?number=" + number, null,
                List.of(new CertificateContent.AvailabilityLine(1000 + i % 10_000, "SCALE-P-00", new CertificateContent.Period(null, 99.56, 5),
                        new CertificateContent.Period(null, 99.56, 364), now)),
                List.of());
    }
}
