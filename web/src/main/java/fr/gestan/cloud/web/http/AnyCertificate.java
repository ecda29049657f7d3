package fr.gestan.cloud.web.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any certificate, without checking the host name either: the TLS probe ({@link TlsProbe}) reads protocol
 * versions and the warm-up ({@link StartWarmUp}) fetches public pages from this node's own port; neither trusts what
 * it receives nor sends anything secret. The integration tests' HTTP client uses it too (the test server's
 * certificate is self-signed).
 */
public final class AnyCertificate extends X509ExtendedTrustManager {

    /** A TLS context that trusts any certificate. */
    public static SSLContext tls() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new AnyCertificate()}, null);
        return context;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // not a server
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // see above
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // not a server
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // see above
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // not a server
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // nothing received is trusted, nothing secret is sent
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
