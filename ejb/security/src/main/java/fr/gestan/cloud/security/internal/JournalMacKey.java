package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.keys.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The secret key of the journal entries' MACs (HMAC-SHA256, 32 bytes, base64 in a file). Like the signing key it
 * lives outside the database, so that rows written around the application (by someone with database rights only)
 * are recognised: path from system property {@value #PROPERTY} or environment variable {@value #ENV}, else
 * {@code <jboss.server.data.dir>/gestan/journal-mac-key}; generated on first use with owner-only permissions
 * ({@link KeyFiles}). Every node needs the same file; losing it makes every later entry look forged.
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
                    current = loaded = loadOrCreate(KeyFiles.path(PROPERTY, ENV, "journal-mac-key"));
                }
            }
        }
        return loaded.clone();
    }

    static byte[] loadOrCreate(Path path) {
        try {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            if (KeyFiles.createIfAbsent(path, Base64.getEncoder().encodeToString(fresh) + "\n")) {
                LOG.warning(() -> "Generated a new journal MAC key at " + path + " (fine for a local run; in production provide "
                        + "the same key file to every node and back it up)");
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException("the journal MAC key " + path + " is shorter than 32 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal MAC key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the journal MAC key " + path, e);
        }
    }
}
