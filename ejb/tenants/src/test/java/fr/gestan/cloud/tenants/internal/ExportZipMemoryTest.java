package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.ExportFiles;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A tenant with 1 GiB of documents does not need 1 GiB of heap: a child JVM limited to {@code -Xmx64m} streams
 * 1,024 documents of 1 MiB (random bytes, incompressible) through {@link ExportZip} into a pipe, while a reader
 * thread of the same JVM unzips what arrives, digests every entry and checks it against the MANIFEST. The child
 * prints its figures (bytes, seconds, peak heap, GC count); an OutOfMemoryError would fail it.
 */
class ExportZipMemoryTest {

    static final int DOCUMENTS = 1024;
    static final int DOCUMENT_BYTES = 1 << 20;

    @Test
    void one_gigabyte_of_documents_streams_through_the_zip_writer_in_a_64_mb_heap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println("[child] " + line);
                output.append(line).append('\n');
            }
        }
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child finished");
        assertEquals(0, child.exitValue(), output::toString);
        assertTrue(output.toString().contains("VERIFIED " + DOCUMENTS + " documents"), output::toString);
    }

    /** The child JVM's program. */
    public static final class Child {

        public static void main(String[] args) throws Exception {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long started = System.nanoTime();
            byte[] block = new byte[256 * 1024];
            new Random(42).nextBytes(block);
            Map<String, String> written = new ConcurrentHashMap<>();
            PipedInputStream pipeIn = new PipedInputStream(1 << 20);
            PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
            AtomicReference<Throwable> readerFailure = new AtomicReference<>();
            long[] zipBytes = new long[1];
            Map<String, String> read = new ConcurrentHashMap<>();
            String[] manifest = new String[1];
            Thread reader = new Thread(() -> {
                try (ZipInputStream unzip = new ZipInputStream(new CountingInput(pipeIn, zipBytes), StandardCharsets.UTF_8)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (ZipEntry e = unzip.getNextEntry(); e != null; e = unzip.getNextEntry()) {
                        if (e.getName().equals(ExportZip.MANIFEST)) {
                            manifest[0] = new String(unzip.readAllBytes(), StandardCharsets.UTF_8);
                            continue;
                        }
                        MessageDigest digest = MessageDigest.getInstance("SHA-256");
                        for (int n = unzip.read(buffer); n >= 0; n = unzip.read(buffer)) {
                            digest.update(buffer, 0, n);
                        }
                        read.put(e.getName(), HexFormat.of().formatHex(digest.digest()));
                    }
                } catch (Throwable t) {
                    readerFailure.set(t);
                }
            }, "unzipper");
            reader.start();
            try (ExportZip zip = new ExportZip(pipeOut)) {
                zip.text("company.csv", w -> w.write("legal_name,siren\r\nBoulangerie Martin SARL,842317653\r\n"));
                ExportFiles documents = zip.folder("compliance");
                for (int d = 0; d < DOCUMENTS; d++) {
                    String name = String.format("documents/DOC-%04d.pdf", d);
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    int seed = d;
                    documents.add(name, out -> {
                        // 1 MiB made of the random block at shifting offsets: no repeat within deflate's window.
                        for (int written1 = 0; written1 < DOCUMENT_BYTES; ) {
                            int offset = (seed * 7919 + written1 / 4096 * 104729) % block.length;
                            int n = Math.min(Math.min(4096, block.length - offset), DOCUMENT_BYTES - written1);
                            out.write(block, offset, n);
                            digest.update(block, offset, n);
                            written1 += n;
                        }
                    });
                    written.put("compliance/" + name, HexFormat.of().formatHex(digest.digest()));
                }
                zip.finish();
                long total = zip.totalBytes();
                zip.close();
                reader.join();
                if (readerFailure.get() != null) {
                    throw new AssertionError("unzip failed", readerFailure.get());
                }
                // Every document: what the writer produced = what the ZIP holds = what the MANIFEST says.
                Map<String, String> listed = new java.util.HashMap<>();
                for (String line : manifest[0].split("\n")) {
                    String[] parts = line.split("  ", 2);
                    listed.put(parts[1], parts[0]);
                }
                for (Map.Entry<String, String> e : written.entrySet()) {
                    if (!e.getValue().equals(read.get(e.getKey())) || !e.getValue().equals(listed.get(e.getKey()))) {
                        throw new AssertionError("digest mismatch for " + e.getKey() + ": written " + e.getValue() + ", in the zip " + read.get(e.getKey()) + ", listed " + listed.get(e.getKey()));
                    }
                }
                if (listed.size() != DOCUMENTS + 1 || read.size() != DOCUMENTS + 1) {
                    throw new AssertionError("files: listed " + listed.size() + ", read " + read.size());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                long gcs = 0;
                for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    gcs += Math.max(0, gc.getCollectionCount());
                }
                System.out.printf("content %d bytes (%.0f MiB), zip %d bytes, %.1f s (%.0f MiB/s)%n", total, total / 1048576.0,
                        zipBytes[0], seconds, total / 1048576.0 / seconds);
                System.out.printf("max heap %.0f MiB, peak heap used (sum of pool peaks) %.1f MiB, %d GCs%n",
                        Runtime.getRuntime().maxMemory() / 1048576.0, peak / 1048576.0, gcs);
                if (total < (long) DOCUMENTS * DOCUMENT_BYTES) {
                    throw new AssertionError("only " + total + " bytes streamed");
                }
                if (peak > 64L << 20) {
                    throw new AssertionError("peak heap " + peak);
                }
                System.out.println("VERIFIED " + DOCUMENTS + " documents");
            }
        }
    }

    /** Counts the ZIP's bytes as they arrive. */
    static final class CountingInput extends java.io.FilterInputStream {
        private final long[] count;

        CountingInput(java.io.InputStream in, long[] count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count[0]++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count[0] += n;
            }
            return n;
        }
    }

}
