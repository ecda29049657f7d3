package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.ExportFiles;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export ZIP as a stream: each file goes through a SHA-256 digest straight into the ZIP (nothing is held
 * whole in memory; only the names and digests are kept, for the {@code MANIFEST}), then {@link #finish()} writes the
 * {@code MANIFEST} in {@code sha256sum} format ({@code <hex>  <name>} per line). A plain class, no container needed.
 * Not thread-safe: one writer at a time.
 */
public final class ExportZip implements Closeable {

    /** The manifest's name at the root of the ZIP. */
    public static final String MANIFEST = "MANIFEST";

    /** A folder is one lower-case segment ({@code hosting}, {@code compliance}). */
    private static final Pattern FOLDER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    /** A file name segment: no control characters, no separators, not {@code .} or {@code ..}. */
    private static final Pattern SEGMENT = Pattern.compile("[^\\p{Cntrl}/\\\\:*?\"<>|]{1,200}");

    /** Called after each file with the running totals (for progress), never with file contents. */
    @FunctionalInterface
    public interface Listener {
        void added(String name, long bytes, int files);
    }

    private final ZipOutputStream zip;
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Set<String> folders = new HashSet<>();
    private final Listener listener;
    private long totalBytes;
    private boolean writing;
    private boolean finished;

    public ExportZip(OutputStream out) {
        this(out, (name, bytes, files) -> {
        });
    }

    public ExportZip(OutputStream out, Listener listener) {
        this.zip = new ZipOutputStream(Objects.requireNonNull(out), StandardCharsets.UTF_8);
        this.listener = Objects.requireNonNull(listener);
    }

    /** Adds one file at the root (the tenants module's own files). */
    public void add(String name, ExportFiles.Content content) throws IOException {
        checkName(name);
        if (name.equals(MANIFEST)) {
            throw new IllegalArgumentException("Reserved name: " + MANIFEST);
        }
        write(name, content);
    }

    /** Adds one text file (UTF-8) at the root. */
    public void text(String name, ExportFiles.Text content) throws IOException {
        add(name, ExportFiles.utf8(content));
    }

    /**
     * The files of one module, under {@code <folder>/}: what a {@code TenantExportContributor} receives. Each folder
     * may be opened once.
     */
    public ExportFiles folder(String folder) {
        if (folder == null || !FOLDER.matcher(folder).matches()) {
            throw new IllegalArgumentException("Invalid export folder: " + folder);
        }
        if (!folders.add(folder)) {
            throw new IllegalArgumentException("Export folder used twice: " + folder);
        }
        String prefix = folder + "/";
        return (name, content) -> {
            checkName(name);
            write(prefix + name, content);
        };
    }

    /** The names and SHA-256 (hex) of the files written so far, in order. */
    public Map<String, String> manifest() {
        return Collections.unmodifiableMap(manifest);
    }

    /** Bytes written so far in all files (uncompressed). */
    public long totalBytes() {
        return totalBytes;
    }

    /** Writes the MANIFEST and ends the ZIP (the underlying stream is flushed, not closed). */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        manifest.forEach((name, digest) -> lines.append(digest).append("  ").append(name).append('\n'));
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        finished = true;
    }

    /** Closes the underlying stream (without writing the MANIFEST if {@link #finish()} was not called). */
    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void write(String name, ExportFiles.Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        if (finished) {
            throw new IllegalStateException("The export is finished");
        }
        if (writing) {
            throw new IllegalStateException("A file is added while another is being written: " + name);
        }
        if (manifest.containsKey(name)) {
            throw new IllegalArgumentException("File added twice: " + name);
        }
        writing = true;
        try {
            // Documents already compressed (PDF, images, archives) are stored in deflate's uncompressed blocks:
            // compressing them again costs CPU (the bulk of a large export) and saves nothing.
            zip.setLevel(alreadyCompressed(name) ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            MessageDigest digest = sha256();
            Counting counting = new Counting(zip, digest);
            content.writeTo(counting);
            counting.flush();
            counting.open = false; // a writer that kept the stream cannot write into the next entry
            zip.closeEntry();
            manifest.put(name, HexFormat.of().formatHex(digest.digest()));
            totalBytes += counting.count;
        } finally {
            writing = false;
        }
        listener.added(name, totalBytes, manifest.size());
    }

    static boolean alreadyCompressed(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".pdf") || lower.endsWith(".zip") || lower.endsWith(".png") || lower.endsWith(".jpg")
                || lower.endsWith(".jpeg") || lower.endsWith(".gz") || lower.endsWith(".p7s") || lower.endsWith(".docx")
                || lower.endsWith(".xlsx") || lower.endsWith(".odt");
    }

    /** Rejects absolute paths, {@code ..}, empty segments, backslashes and control characters. */
    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 400 || name.startsWith("/") || name.endsWith("/")) {
            throw new IllegalArgumentException("Invalid export file name: " + name);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("Invalid export file name: " + name);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Digests and counts what goes into the current entry; closing it only flushes (the ZIP stays open). */
    private static final class Counting extends FilterOutputStream {
        private final MessageDigest digest;
        private long count;
        private boolean open = true;

        Counting(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void check() throws IOException {
            if (!open) {
                throw new IOException("This export file is already closed");
            }
        }
    }

}
