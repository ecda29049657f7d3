package fr.gestan.cloud.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The secret key of the journal entries' MACs (HMAC-SHA256, 32 bytes, base64 in a file). Like the signing key it
 * lives outside the database, so that rows written around the application (by someone with database rights only)
 * are recognised: path from system property {@value #PROPERTY} or environment variable {@value #ENV}, else
 * {@code <jboss.server.data.dir>/gestan/journal-mac-key}; generated on first use with owner-only permissions. Every
 * node needs the same file; losing it makes every later entry look forged.
 */
final class JournalMacKey {

    static final String PROPERTY = "gestan.journal.mac-key";
    static final String ENV = "GESTAN_JOURNAL_MAC_KEY";

    private static final Logger LOG = Logger.getLogger(JournalMacKey.class.getName());
    private static volatile byte[] current;

    private JournalMacKey() {
    }

    static byte[] current() {
        byte[] loaded = current;
        if (loaded == null) {
            synchronized (JournalMacKey.class) {
                loaded = current;
                if (loaded == null) {
                    current = loaded = loadOrCreate(configuredPath());
                }
            }
        }
        return loaded.clone();
    }

    static Path configuredPath() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(ENV);
        }
        if (path == null || path.isBlank()) {
            String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
            return Path.of(dataDir, "gestan", "journal-mac-key");
        }
        return Path.of(path);
    }

    static byte[] loadOrCreate(Path path) {
        try {
            if (!Files.exists(path)) {
                generate(path);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException("the journal MAC key " + path + " is shorter than 32 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal MAC key " + path, e);
        }
    }

    private static void generate(Path path) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), "journal-mac", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: rely on the directory's permissions
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, path); // another node or thread may have won: its key is used
            LOG.warning(() -> "Generated a new journal MAC key at " + path + " (fine for a local run; in production provide "
                    + "the same key file to every node and back it up)");
        } catch (FileAlreadyExistsException e) {
            LOG.info("The journal MAC key was created concurrently; using it");
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
