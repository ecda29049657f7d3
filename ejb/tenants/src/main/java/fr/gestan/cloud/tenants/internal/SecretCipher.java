package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.keys.CurrentKeys;
import fr.gestan.cloud.common.keys.KeyFiles;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.RingMembers;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts hosted-account secrets with AES-256-GCM under keys kept outside the database, in a {@link KeyRing}
 * ({@value #PURPOSE}): the key of system property {@value #PROPERTY} or environment variable {@value #ENV}, else
 * {@code <jboss.server.data.dir>/gestan/hosted-accounts.key} (the initial key, generated on first use for a local
 * run), plus the keys rotation added to the ring's folder. New values are
 * {@code 2 | id length (1 byte) | key id (ASCII) | IV (12 bytes) | ciphertext + tag} under the active key; values of
 * format {@code 1 | IV | ciphertext + tag} (written before rings) are read with whichever key of the ring opens them.
 * The account's reference is the associated data, so a ciphertext copied onto another account does not decrypt.
 */
final class SecretCipher {

    static final String PURPOSE = "hosted-accounts";
    static final String PROPERTY = "gestan.tenants.secret-key";
    static final String ENV = "GESTAN_TENANTS_SECRET_KEY";
    static final String SUFFIX = ".key";
    private static final byte FORMAT_WITHOUT_ID = 1;
    private static final byte FORMAT = 2;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger LOG = Logger.getLogger(SecretCipher.class.getName());
    private static final CurrentKeys<SecretCipher> CURRENT = new CurrentKeys<>(loaded -> loaded.keys);

    /** A key of the ring and the file it came from. */
    record Member(String id, SecretKey key, Path file) {
    }

    private static final String WHAT = "hosted-account key";

    private final RingMembers<Member> keys;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(RingMembers<Member> keys) {
        this.keys = keys;
    }

    /** A ring of one key. */
    SecretCipher(SecretKey key) {
        this(new RingMembers<>(WHAT, Map.of(idOf(key), new Member(idOf(key), key, null)), idOf(key), idOf(key)));
    }

    /**
     * The configured ring, loaded on first use and again when its active key changed (a rotation on this node or
     * another one sharing the keys folder).
     */
    static SecretCipher current() {
        return CURRENT.get(ring(), ring -> load(configuredPath(), ring));
    }

    static KeyRing ring() {
        return KeyRing.of(PURPOSE, SUFFIX);
    }

    static Path configuredPath() {
        return KeyFiles.path(PROPERTY, ENV, "hosted-accounts.key");
    }

    /**
     * The initial key at {@code initial} (generated when neither it nor any ring key exists) and every key of
     * {@code ring}; the active one is the ring's {@code active} key, else the initial key.
     */
    static SecretCipher load(Path initial, KeyRing ring) {
        return new SecretCipher(RingMembers.load(WHAT, initial, ring, path -> {
            SecretKey key = loadOrCreate(path);
            return new Member(idOf(key), key, path);
        }, (id, file) -> new Member(id, read(file), file), Member::id));
    }

    static SecretKey loadOrCreate(Path path) {
        try {
            if (KeyFiles.createIfAbsent(path, SecretCipher::newKey)) {
                LOG.warning(() -> "Generated a new hosted-account encryption key at " + path
                        + " (fine for a local run; in production provide the key, the same on every node, and back it up)");
            }
            return read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hosted-account key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private static SecretKey read(Path path) {
        try {
            byte[] raw = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).strip());
            if (raw.length != 32) {
                throw new IllegalStateException("the hosted-account key " + path + " is not a 256-bit AES key");
            }
            return new SecretKeySpec(raw, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hosted-account key " + path, e);
        }
    }

    /**
     * Adds a new key to {@code ring} and makes it active; the keys already there stay for decrypting.
     *
     * @return the new key's id
     */
    static String rotate(KeyRing ring) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, new SecureRandom());
            SecretKey key = generator.generateKey();
            String id = idOf(key);
            KeyFiles.createIfAbsent(ring.file(id), (Base64.getEncoder().encodeToString(key.getEncoded()) + "\n"));
            ring.activate(id);
            CURRENT.clear();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new hosted-account key in " + ring.folder(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** A key's id: from a hash of the key's hash, so that the id tells nothing about the key. */
    static String idOf(SecretKey key) {
        try {
            return KeyRing.idOf(java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void newKey(OutputStream out) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, new SecureRandom());
        out.write((Base64.getEncoder().encodeToString(generator.generateKey().getEncoded()) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    String activeId() {
        return keys.activeId();
    }

    /** The key of the single-file setting (it made the secrets written before key ids); null when absent. */
    String initialId() {
        return keys.initialId();
    }

    /** The ring's keys, in the order loaded (the initial key first, then the ring's oldest first). */
    List<Member> members() {
        return keys.members();
    }

    /** The id of the key that encrypted {@code stored}; null for a value written before key ids. */
    static String keyIdOf(byte[] stored) {
        if (stored == null || stored.length < 2 || stored[0] != FORMAT || stored.length < 2 + (stored[1] & 0xff)) {
            return null;
        }
        return new String(stored, 2, stored[1] & 0xff, StandardCharsets.US_ASCII);
    }

    byte[] encrypt(char[] secret, String accountRef) {
        byte[] plain = toUtf8(secret);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            Member active = keys.active();
            cipher.init(Cipher.ENCRYPT_MODE, active.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(accountRef.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] id = active.id().getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(2 + id.length + IV_BYTES + sealed.length).put(FORMAT).put((byte) id.length).put(id)
                    .put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    char[] decrypt(byte[] stored, String accountRef) {
        if (stored != null && stored.length > 2 && stored[0] == FORMAT) {
            String id = keyIdOf(stored);
            if (id == null) {
                throw new IllegalStateException("not an encrypted secret of a known format");
            }
            Member member = keys.member(id);
            if (member == null) {
                throw new IllegalStateException("the secret was encrypted with key " + id + ", which is not in the ring");
            }
            int offset = 2 + id.length();
            return open(member.key(), stored, offset, accountRef);
        }
        if (stored == null || stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != FORMAT_WITHOUT_ID) {
            throw new IllegalStateException("not an encrypted secret of a known format");
        }
        // Written before key ids: the initial key made it, unless it was rotated away; GCM's tag tells which key opens it.
        IllegalStateException last = null;
        for (Member member : keys.members()) {
            try {
                return open(member.key(), stored, 1, accountRef);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static char[] open(SecretKey key, byte[] stored, int offset, String accountRef) {
        if (stored.length < offset + IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("not an encrypted secret of a known format");
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, offset, IV_BYTES));
            cipher.updateAAD(accountRef.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(stored, offset + IV_BYTES, stored.length - offset - IV_BYTES);
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
