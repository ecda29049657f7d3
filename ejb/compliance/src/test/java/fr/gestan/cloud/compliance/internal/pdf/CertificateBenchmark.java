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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of signed certificates (render with QR code + CMS signature) beside, in the same JVM and run, a bare
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
        IntFunction<byte[]> signed = i -> signer.sign(unsigned.apply(i), "Attestation");

        System.out.printf("%nCertificate benchmark: %d cores, load average %.2f, Java %s, %d s per measure%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), SECONDS);
        List<String> lines = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            double b = measure("bare one-page document", bare, threads);
            double u = measure("certificate with QR, unsigned", unsigned, threads);
            double s = measure("signed certificate with QR", signed, threads);
            lines.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f %% |", threads, b, u, s, 100 * s / b));
        }
        System.out.println("| threads | bare page/s | certificate (unsigned)/s | signed certificate/s | signed vs bare |");
        System.out.println("| --- | --- | --- | --- | --- |");
        lines.forEach(System.out::println);
        System.out.printf("sizes: bare %d B, unsigned %d B, signed %d B; load average after %.2f%n", bare.apply(1).length,
                unsigned.apply(1).length, signed.apply(1).length, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static double measure(String name, IntFunction<byte[]> work, int threads) throws Exception {
        run(work, threads, 3); // warm-up
        double perSecond = run(work, threads, SECONDS);
        System.out.printf(Locale.ROOT, "%-32s %d thread(s): %8.1f /s%n", name, threads, perSecond);
        return perSecond;
    }

    static double run(IntFunction<byte[]> work, int threads, int seconds) throws Exception {
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
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
