package fr.gestan.cloud.common.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.logging.Logger;

/**
 * Key files kept outside the database (the journal signing key, the hosted-account key, the certificate signing key
 * store): where they are and how they are created. A file's path comes from a system property, else an environment
 * variable, else {@code <jboss.server.data.dir>/gestan/<default name>} (the temporary directory outside WildFly).
 * A missing file is generated on first use with owner-only permissions ({@code rw-------}) and created atomically:
 * when several threads or nodes generate it at once, the first writer wins and the others read its content back.
 */
public final class KeyFiles {

    /** The folder under the server's data directory that holds the generated key files. */
    public static final String DIRECTORY = "gestan";

    private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());

    private KeyFiles() {
    }

    /** What a generated file holds, written only when the file does not exist yet. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException, GeneralSecurityException;
    }

    /** The value of system property {@code property}, else of environment variable {@code env}; null when both are blank. */
    public static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The configured path ({@link #setting}), else {@code <jboss.server.data.dir>/gestan/<defaultName>}. */
    public static Path path(String property, String env, String defaultName) {
        String path = setting(property, env);
        if (path == null) {
            String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
            return Path.of(dataDir, DIRECTORY, defaultName);
        }
        return Path.of(path);
    }

    /** {@link #createIfAbsent(Path, Content)} with ASCII text. */
    public static boolean createIfAbsent(Path path, String text) throws IOException, GeneralSecurityException {
        return createIfAbsent(path, out -> out.write(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Creates {@code path} (and its folders) with {@code content}, readable and writable by the owner only, unless it
     * exists. The content is written to a temporary file beside it, then linked to its name in one step, so that no
     * reader ever sees a partial file and a concurrent creation keeps the first file.
     *
     * @return true when this call created the file; false when it existed (or another writer created it meanwhile)
     */
    public static boolean createIfAbsent(Path path, Content content) throws IOException, GeneralSecurityException {
        if (Files.exists(path)) {
            return false;
        }
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: rely on the directory's permissions
            }
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            publish(temp, path);
            return true;
        } catch (FileAlreadyExistsException e) {
            LOG.info(() -> "The key file " + path + " was created concurrently; using it");
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Gives {@code temp} the name {@code path}, failing with FileAlreadyExistsException if that name exists. */
    private static void publish(Path temp, Path path) throws IOException {
        try {
            Files.createLink(path, temp); // link(2): atomic, never replaces
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temp, path); // no hard links here: a move that refuses to replace
        }
    }
}
