package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.keys.KeyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts hosted-account secrets with AES-256-GCM under a key kept outside the database: a file named by system
 * property {@value #PROPERTY} or environment variable {@value #ENV}, else
 * {@code <jboss.server.data.dir>/gestan/hosted-accounts.key}, generated on first use (owner-only permissions) for a
 * local run ({@link KeyFiles}). Each value is {@code version (1 byte) | IV (12 bytes) | ciphertext + tag}, with the
 * account's reference as associated data, so a ciphertext copied onto another account does not decrypt.
 */
final class SecretCipher {

    static final String PROPERTY = "gestan.tenants.secret-key";
    static final String ENV = "GESTAN_TENANTS_SECRET_KEY";
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger LOG = Logger.getLogger(SecretCipher.class.getName());
    private static volatile SecretCipher current;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(SecretKey key) {
        this.key = key;
    }

    static SecretCipher current() {
        SecretCipher loaded = current;
        if (loaded == null) {
            synchronized (SecretCipher.class) {
                loaded = current;
                if (loaded == null) {
                    current = loaded = new SecretCipher(loadOrCreate(configuredPath()));
                }
            }
        }
        return loaded;
    }

    static Path configuredPath() {
        return KeyFiles.path(PROPERTY, ENV, "hosted-accounts.key");
    }

    static SecretKey loadOrCreate(Path path) {
        try {
            if (KeyFiles.createIfAbsent(path, SecretCipher::newKey)) {
                LOG.warning(() -> "Generated a new hosted-account encryption key at " + path
                        + " (fine for a local run; in production provide the key, the same on every node, and back it up)");
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).strip());
            if (raw.length != 32) {
                throw new IllegalStateException("the hosted-account key " + path + " is not a 256-bit AES key");
            }
            return new SecretKeySpec(raw, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hosted-account key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private static void newKey(OutputStream out) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, new SecureRandom());
        out.write((Base64.getEncoder().encodeToString(generator.generateKey().getEncoded()) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    byte[] encrypt(char[] secret, String accountRef) {
        byte[] plain = toUtf8(secret);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(accountRef.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    char[] decrypt(byte[] stored, String accountRef) {
        if (stored == null || stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != FORMAT) {
            throw new IllegalStateException("not an encrypted secret of a known format");
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            cipher.updateAAD(accountRef.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
            return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain)).toString().toCharArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret cannot be decrypted with this key (wrong key or altered value)", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] toUtf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
