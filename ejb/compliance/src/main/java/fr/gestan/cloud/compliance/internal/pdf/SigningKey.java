package fr.gestan.cloud.compliance.internal.pdf;

import fr.gestan.cloud.common.keys.KeyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key and certificate that sign certificates (PDF), from a PKCS#12 key store: path by system property
 * {@value #PATH_PROPERTY} or environment variable {@value #PATH_ENV}, else
 * {@code <jboss.server.data.dir>/gestan/certificate-signing.p12}; password by {@value #PASSWORD_PROPERTY} /
 * {@value #PASSWORD_ENV}, else read from the file {@code <store>.password} (created with the store); alias by
 * {@value #ALIAS_PROPERTY} / {@value #ALIAS_ENV}, default {@value #DEFAULT_ALIAS}. When the store does not exist it
 * is generated (ECDSA P-256, self-signed, 5 years, owner-only files, see {@link KeyFiles}): fine for a local run; in
 * production provide a key store whose certificate a trusted authority issued. Stores generated before are RSA 2048
 * and keep working (signing and the signatures they made). Secrets are never logged.
 */
public final class SigningKey {

    public static final String PATH_PROPERTY = "gestan.certificates.keystore";
    public static final String PATH_ENV = "GESTAN_CERTIFICATES_KEYSTORE";
    public static final String PASSWORD_PROPERTY = "gestan.certificates.keystore-password";
    public static final String PASSWORD_ENV = "GESTAN_CERTIFICATES_KEYSTORE_PASSWORD";
    public static final String ALIAS_PROPERTY = "gestan.certificates.key-alias";
    public static final String ALIAS_ENV = "GESTAN_CERTIFICATES_KEY_ALIAS";
    public static final String DEFAULT_ALIAS = "attestation";

    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

    private final PrivateKey privateKey;
    private final X509Certificate[] chain;

    public SigningKey(PrivateKey privateKey, X509Certificate[] chain) {
        this.privateKey = privateKey;
        this.chain = chain.clone();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return chain[0];
    }

    public X509Certificate[] chain() {
        return chain.clone();
    }

    /** The initial key store's path (the ring's other keys live in its folder, see {@link SigningKeyRing}). */
    static Path configuredPath() {
        return KeyFiles.path(PATH_PROPERTY, PATH_ENV, "certificate-signing.p12");
    }

    /**
     * Loads the key store at {@code path}, generating it first when it does not exist. {@code password} null: the
     * password is read from (or generated into) {@code <path>.password}.
     */
    public static SigningKey loadOrCreate(Path path, String password, String alias) {
        try {
            Path passwordFile = path.resolveSibling(path.getFileName() + ".password");
            if (!Files.exists(path)) {
                generate(path, password == null ? passwordFile : null, password, alias);
            }
            char[] secret = (password != null ? password : Files.readString(passwordFile, StandardCharsets.US_ASCII).strip()).toCharArray();
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, secret);
                if (!(store.getKey(alias, secret) instanceof PrivateKey key)) {
                    throw new IllegalStateException("the signing key store " + path + " has no private key under alias " + alias);
                }
                Certificate[] certs = store.getCertificateChain(alias);
                return new SigningKey(key, Arrays.stream(certs).map(X509Certificate.class::cast).toArray(X509Certificate[]::new));
            } finally {
                Arrays.fill(secret, '\0');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate signing key store " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the certificate signing key store " + path + " (wrong password or alias?)", e);
        }
    }

    private static void generate(Path path, Path passwordFile, String password, String alias) throws IOException, GeneralSecurityException {
        String secret = password;
        if (secret == null) {
            KeyFiles.createIfAbsent(passwordFile, out -> {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                out.write(Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII));
            });
            secret = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
        }
        // ECDSA P-256: a signature costs a fraction of RSA 2048's, and poppler's pdfsig and Acrobat verify it
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X509Certificate cert = selfSigned(pair);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] chars = secret.toCharArray();
        store.setKeyEntry(alias, pair.getPrivate(), chars, new Certificate[] {cert});
        if (KeyFiles.createIfAbsent(path, out -> store.store(out, chars))) {
            LOG.warning(() -> "Generated a self-signed certificate signing key at " + path
                    + " (fine for a local run; in production configure " + PATH_PROPERTY + " with a certificate from a trusted authority)");
        }
    }

    static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=Gestan Cloud - attestations (local),O=Gestan Cloud,C=FR");
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(5 * 365))), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            String algorithm = "EC".equals(pair.getPrivate().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(algorithm)
                    .setProvider(CertificateSigner.PROVIDER).build(pair.getPrivate()));
            return new JcaX509CertificateConverter().setProvider(CertificateSigner.PROVIDER).getCertificate(holder);
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot build the self-signed certificate", e);
        }
    }

}
