package fr.gestan.cloud.it.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test Keycloak's HTTPS, as ./run.sh's (ear/src/main/keycloak/keycloak-tls.sh): a self-signed certificate for
 * localhost made once with keytool ({@code target/keycloak-it-tls/keycloak.p12}), and a trust store holding the JDK's
 * public authorities plus that certificate ({@code truststore.p12}), which the test server's JVM
 * ({@code javax.net.ssl.trustStore}: OIDC client, Keycloak admin clients) and this JVM's calls to Keycloak verify it
 * with. Nothing trusts every certificate, except the test browser ({@code --ignore-certificate-errors}, Browser).
 */
public final class KeycloakTls {

    /** Test-only password of both stores. */
    static final String PASSWORD = "gestan-it-tls-only";

    private KeycloakTls() {
    }

    static Path dir() {
        return Path.of(System.getProperty("gestan.it.logdir", "target")).toAbsolutePath().resolve("keycloak-it-tls");
    }

    static Path keyStore() {
        return dir().resolve("keycloak.p12");
    }

    static Path trustStore() {
        return dir().resolve("truststore.p12");
    }

    /** Makes the key store and the trust store unless both exist (a new build folder makes them again). */
    static synchronized void ensure() throws IOException {
        if (Files.isRegularFile(keyStore()) && Files.isRegularFile(trustStore())) {
            return;
        }
        Files.createDirectories(dir());
        Files.deleteIfExists(keyStore());
        Files.deleteIfExists(trustStore());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "keycloak", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "825", "-dname", "CN=localhost, O=Gestan Cloud (tests)",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore().toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making Keycloak's certificate", e);
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore())) {
                keys.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = keys.getCertificate("keycloak");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            if (Files.isReadable(cacerts)) {
                KeyStore jdk = KeyStore.getInstance(KeyStore.getDefaultType());
                try (InputStream in = Files.newInputStream(cacerts)) {
                    jdk.load(in, null);
                }
                for (String alias : java.util.Collections.list(jdk.aliases())) {
                    if (jdk.isCertificateEntry(alias)) {
                        trust.setCertificateEntry(alias, jdk.getCertificate(alias));
                    }
                }
            }
            trust.setCertificateEntry("gestan-test-keycloak", certificate);
            try (OutputStream out = Files.newOutputStream(trustStore())) {
                trust.store(out, PASSWORD.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the tests' trust store", e);
        }
    }

    /** The test server JVM's options: its default trust store is {@link #trustStore()}. */
    public static String jvmArguments() {
        return " -Djavax.net.ssl.trustStore=" + trustStore() + " -Djavax.net.ssl.trustStoreType=PKCS12"
                + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD;
    }

    /** This JVM's default trust store too (plain {@code HttpClient}s of the tests reaching Keycloak). */
    static void trustInThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", trustStore().toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
    }

    /** An SSL context that trusts the trust store named by {@code javax.net.ssl.trustStore} (this JVM or the server's). */
    static SSLContext sslContext() {
        try {
            String path = System.getProperty("javax.net.ssl.trustStore");
            if (path == null) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(System.getProperty("javax.net.ssl.trustStoreType", "PKCS12"));
            String password = System.getProperty("javax.net.ssl.trustStorePassword", "");
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                trust.load(in, password.toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + System.getProperty("javax.net.ssl.trustStore"), e);
        }
    }
}
