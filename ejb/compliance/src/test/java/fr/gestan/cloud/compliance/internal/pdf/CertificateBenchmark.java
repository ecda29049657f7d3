package fr.gestan.cloud.compliance.internal.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.gestan.cloud.common.pdf.DocumentFonts;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of signed certificates (render with QR code + CMS signature in one pass, as issued) beside, in the same JVM and run, a bare
 * one-page OpenPDF document with the same embedded font (the limit). Not part of the default run:
 * {@code mvn -B test -pl ejb/compliance -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CertificateBenchmark -Dgestan.benchmark=true}
 * (optional {@code -Dgestan.benchmark.seconds=10}). Prints the figures; asserts nothing.
 */
@EnabledIfSystemProperty(named = "gestan.benchmark", matches = "true")
class CertificateBenchmark {

    static final int SECONDS = Integer.getInteger("gestan.benchmark.seconds", 10);

    static byte[] bare(int i) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(DocumentFonts.nfc("Attestation d'hébergement et de conformité n° " + i), DocumentFonts.regular(12)));
        document.close();
        return out.toByteArray();
    }

    @Test
    void print_throughput() throws Exception {
        Path dir = Files.createTempDirectory("bench-keys");
        CertificateSigner signer = new CertificateSigner(SigningKey.loadOrCreate(dir.resolve("k.p12"), null, SigningKey.DEFAULT_ALIAS));
        IntFunction<byte[]> bare = CertificateBenchmark::bare;
        IntFunction<byte[]> unsigned = i -> CertificatePdf.render(Samples.content(String.format("GC-2026-%06d", i % 999_999 + 1)));
        // as the application issues them: rendered and signed in one pass with a generated key (ECDSA P-256)
        IntFunction<byte[]> signed = i -> CertificatePdf.renderSigned(Samples.content(String.format("GC-2026-%06d", i % 999_999 + 1)),
                signer, "Attestation", new GregorianCalendar(TimeZone.getTimeZone("UTC")));

        System.out.printf("%nCertificate benchmark: %d cores, load average %.2f, Java %s, %d s per measure%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), SECONDS);
        List<String> lines = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            double[] rates = measure(List.of(bare, unsigned, signed), threads);
            double b = rates[0];
            double u = rates[1];
            double s = rates[2];
            System.out.printf(Locale.ROOT, "%d thread(s): bare %.1f /s, certificate unsigned %.1f /s, signed %.1f /s%n", threads, b, u, s);
            lines.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f %% |", threads, b, u, s, 100 * s / b));
        }
        System.out.println("| threads | bare page/s | certificate (unsigned)/s | signed certificate/s | signed vs bare |");
        System.out.println("| --- | --- | --- | --- | --- |");
        lines.forEach(System.out::println);
        System.out.printf("sizes: bare %d B, unsigned %d B, signed %d B; load average after %.2f%n", bare.apply(1).length,
                unsigned.apply(1).length, signed.apply(1).length, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The rate of each kind of work, measured in turns of 1 s each ({@link #SECONDS} turns per kind, after a 3 s
     * warm-up of each): on a machine shared with other people's work, a change of load falls on every kind alike, so
     * that the ratios hold even when the absolute figures do not.
     */
    static double[] measure(List<IntFunction<byte[]>> works, int threads) throws Exception {
        for (IntFunction<byte[]> work : works) {
            run(work, threads, 3, new double[2]);
        }
        double[][] totals = new double[works.size()][2];
        for (int turn = 0; turn < SECONDS; turn++) {
            for (int k = 0; k < works.size(); k++) {
                run(works.get(k), threads, 1, totals[k]);
            }
        }
        return java.util.Arrays.stream(totals).mapToDouble(t -> t[0] / t[1]).toArray();
    }

    /** Runs {@code work} for {@code seconds} on {@code threads}, adding the documents made and the seconds to {@code total}. */
    static void run(IntFunction<byte[]> work, int threads, int seconds, double[] total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    if (work.apply(i++).length == 0) {
                        throw new IllegalStateException();
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        total[0] += done.get();
        total[1] += (System.nanoTime() - start) / 1e9;
    }
}
