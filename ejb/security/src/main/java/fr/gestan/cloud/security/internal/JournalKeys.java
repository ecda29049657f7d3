package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.keys.CurrentKeys;
import fr.gestan.cloud.common.keys.KeyFiles;
import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.RingMembers;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * The Ed25519 keys that sign journal checkpoints, a {@link KeyRing} ({@value #PURPOSE}) like the other keys of the
 * product. The initial key is the single-file setting: system property {@value #PROPERTY} or environment variable
 * {@value #ENV}, else {@code <jboss.server.data.dir>/gestan/journal-signing-key.pem} (PKCS#8 PEM, the public key
 * beside it as {@code .pub.pem}), generated on first use for a local run; rotation adds {@code <id>.pem} and
 * {@code <id>.pub.pem} to the ring's folder. A key's id is its signed-note key hash (hex, 8 digits), the 4 bytes every
 * checkpoint's signature line carries: a checkpoint names the key that signed it. Which key signs and for which tree
 * sizes is recorded in the database ({@link CheckpointKeys}); the files only hold the keys.
 */
final class JournalKeys {

    static final String PURPOSE = "journal-checkpoint";
    static final String SUFFIX = ".pem";
    static final String PROPERTY = "gestan.journal.key";
    static final String ENV = "GESTAN_JOURNAL_KEY";

    private static final Logger LOG = Logger.getLogger(JournalKeys.class.getName());

    private static final CurrentKeys<JournalKeys> CURRENT = new CurrentKeys<>(loaded -> loaded.keys);

    /** A key of the ring and the file of its private half. */
    record Member(String id, PrivateKey privateKey, PublicKey publicKey, Path file) {

        KeyPair pair() {
            return new KeyPair(publicKey, privateKey);
        }

        String publicKeyPem() {
            return JournalVerifier.publicKeyPem(publicKey);
        }
    }

    private final RingMembers<Member> keys;

    private JournalKeys(RingMembers<Member> keys) {
        this.keys = keys;
    }

    /** The configured ring, loaded on first use and again when its active key changed (here or on another node). */
    static JournalKeys current() {
        return CURRENT.get(ring(), ring -> load(configuredPath(), ring));
    }

    /** Reads the ring again (a key added by another node that this one has not seen yet). */
    static JournalKeys reload() {
        CURRENT.clear();
        return current();
    }

    static KeyRing ring() {
        return KeyRing.of(PURPOSE, SUFFIX);
    }

    static Path configuredPath() {
        return KeyFiles.path(PROPERTY, ENV, "journal-signing-key.pem");
    }

    static Path publicKeyPath(Path privateKeyPath) {
        String name = privateKeyPath.getFileName().toString().replaceFirst("\\.pem$", "");
        return privateKeyPath.resolveSibling(name + ".pub.pem");
    }

    /** A key's id: its signed-note key hash under the log's origin, in hex. */
    static String idOf(PublicKey key) {
        return JournalVerifier.hex(MerkleLog.keyHash(JournalLog.origin(), key));
    }

    /**
     * The initial key at {@code initial} (generated when neither it nor any ring key exists) and every key of
     * {@code ring}; the active one is the ring's {@code active} key, else the initial key.
     */
    static JournalKeys load(Path initial, KeyRing ring) {
        return new JournalKeys(RingMembers.load("journal checkpoint key", initial, ring, JournalKeys::loadOrCreate, (id, file) -> {
            Member key = read(file);
            if (!key.id().equals(id)) {
                throw new IllegalStateException("the journal checkpoint key " + file + " has id " + key.id());
            }
            return key;
        }, Member::id));
    }

    /** Loads the key at {@code path}, generating it first if no file exists there. */
    static Member loadOrCreate(Path path) {
        try {
            if (!Files.exists(path)) {
                KeyPair pair = KeyPairGenerator.getInstance(JournalVerifier.SIGNATURE_ALGORITHM).generateKeyPair();
                // Another node or thread may have created it meanwhile: the first key wins.
                if (write(path, pair)) {
                    LOG.warning(() -> "Generated a new journal signing key at " + path
                            + " (fine for a local run; in production provide the key and keep its public key elsewhere)");
                }
            }
            return read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal signing key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** Writes the public key, then the private key (the ring lists a key by its private file): false if it existed. */
    private static boolean write(Path path, KeyPair pair) throws IOException, GeneralSecurityException {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path pub = publicKeyPath(path);
        if (Files.exists(path)) {
            return false;
        }
        Path pending = pub.resolveSibling(pub.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".new");
        try {
            Files.createDirectories(pub.toAbsolutePath().getParent());
            Files.writeString(pending, JournalVerifier.publicKeyPem(pair.getPublic()), StandardCharsets.US_ASCII);
            if (!KeyFiles.createIfAbsent(path, pem)) {
                return false;
            }
            Files.move(pending, pub, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(pending);
        }
    }

    private static Member read(Path path) {
        try {
            String pem = Files.readString(path, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance(JournalVerifier.SIGNATURE_ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            PublicKey publicKey = JournalVerifier.readPublicKeyPem(Files.readString(publicKeyPath(path), StandardCharsets.US_ASCII));
            checkPair(privateKey, publicKey);
            return new Member(idOf(publicKey), privateKey, publicKey, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal signing key " + path, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the journal signing key " + path + " is not a valid Ed25519 key pair", e);
        }
    }

    /**
     * Generates a new key in {@code ring} and makes it active in the ring (the database decides from which tree size
     * it signs: {@link CheckpointKeys#rotate}).
     *
     * @return the new key
     */
    static Member rotate(KeyRing ring) {
        try {
            Files.createDirectories(ring.folder());
            KeyPair pair = KeyPairGenerator.getInstance(JournalVerifier.SIGNATURE_ALGORITHM).generateKeyPair();
            String id = idOf(pair.getPublic());
            if (!write(ring.file(id), pair)) {
                throw new IllegalStateException("a journal checkpoint key " + id + " exists already");
            }
            ring.activate(id);
            return reload().member(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new journal checkpoint key in " + ring.folder(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static void checkPair(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        byte[] probe = "gestan-key-check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(JournalVerifier.SIGNATURE_ALGORITHM);
        signer.initSign(privateKey);
        signer.update(probe);
        Signature verifier = Signature.getInstance(JournalVerifier.SIGNATURE_ALGORITHM);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signer.sign())) {
            throw new GeneralSecurityException("the public key does not match the private key");
        }
    }

    /** The key of the ring's {@code active} file (the initial key while the ring was never rotated). */
    Member active() {
        return keys.active();
    }

    /** The key {@code id}; null when this ring has no such key. */
    Member member(String id) {
        return keys.member(id);
    }

    /** Every key, the initial one first, then the ring's oldest first. */
    List<Member> members() {
        return keys.members();
    }
}
