package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.keys.KeyFiles;
import fr.gestan.cloud.security.api.JournalVerifier;
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
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The Ed25519 key that signs journal checkpoints. It lives outside the database, in a file: the path comes from
 * system property {@value #PROPERTY} or environment variable {@value #ENV}, else
 * {@code <jboss.server.data.dir>/gestan/journal-signing-key.pem}. When the file does not exist it is generated
 * (owner-only permissions) with the public key beside it ({@code .pub.pem}): fine for a local run; in production
 * provide the key (the same file on every node) and keep a copy of the public key away from the servers.
 */
final class JournalKeys {

    static final String PROPERTY = "gestan.journal.key";
    static final String ENV = "GESTAN_JOURNAL_KEY";

    private static final Logger LOG = Logger.getLogger(JournalKeys.class.getName());

    private static volatile JournalKeys current;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private JournalKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = JournalVerifier.keyId(publicKey);
    }

    /** This node's key, loaded (or generated) on first use. */
    static JournalKeys current() {
        JournalKeys loaded = current;
        if (loaded == null) {
            synchronized (JournalKeys.class) {
                loaded = current;
                if (loaded == null) {
                    current = loaded = loadOrCreate(configuredPath());
                }
            }
        }
        return loaded;
    }

    static Path configuredPath() {
        return KeyFiles.path(PROPERTY, ENV, "journal-signing-key.pem");
    }

    static Path publicKeyPath(Path privateKeyPath) {
        String name = privateKeyPath.getFileName().toString().replaceFirst("\\.pem$", "");
        return privateKeyPath.resolveSibling(name + ".pub.pem");
    }

    /** Loads the key at {@code path}, generating it first if no file exists there. */
    static JournalKeys loadOrCreate(Path path) {
        try {
            if (!Files.exists(path)) {
                generate(path);
            }
            String pem = Files.readString(path, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance(JournalVerifier.SIGNATURE_ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            PublicKey publicKey = JournalVerifier.readPublicKeyPem(Files.readString(publicKeyPath(path), StandardCharsets.US_ASCII));
            JournalKeys keys = new JournalKeys(privateKey, publicKey);
            keys.checkPair();
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal signing key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the journal signing key " + path + " is not a valid Ed25519 key pair", e);
        }
    }

    private static void generate(Path path) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(JournalVerifier.SIGNATURE_ALGORITHM).generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        // Another node or thread may have created it meanwhile: the first key wins.
        if (KeyFiles.createIfAbsent(path, pem)) {
            Files.writeString(publicKeyPath(path), JournalVerifier.publicKeyPem(pair.getPublic()), StandardCharsets.US_ASCII);
            LOG.warning(() -> "Generated a new journal signing key at " + path
                    + " (fine for a local run; in production provide the key and keep its public key elsewhere)");
        }
    }

    private void checkPair() throws GeneralSecurityException {
        byte[] probe = "gestan-key-check".getBytes(StandardCharsets.US_ASCII);
        Signature verifier = Signature.getInstance(JournalVerifier.SIGNATURE_ALGORITHM);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(sign(probe))) {
            throw new GeneralSecurityException("the public key does not match the private key");
        }
    }

    byte[] sign(byte[] payload) {
        try {
            Signature signer = Signature.getInstance(JournalVerifier.SIGNATURE_ALGORITHM);
            signer.initSign(privateKey);
            signer.update(payload);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a journal checkpoint", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String keyId() {
        return keyId;
    }

    String publicKeyPem() {
        return JournalVerifier.publicKeyPem(publicKey);
    }
}
