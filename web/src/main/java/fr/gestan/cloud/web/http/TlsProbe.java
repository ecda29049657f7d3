package fr.gestan.cloud.web.http;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * What TLS protocols a listening HTTPS port accepts, found by shaking hands with it once per protocol (nothing is
 * sent after the handshake). The server's certificate is not checked: the probe only asks which protocol versions the
 * listener negotiates, on this node's own port.
 */
final class TlsProbe {

    private static final Logger LOG = Logger.getLogger(TlsProbe.class.getName());
    static final List<String> CANDIDATES = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final int TIMEOUT_MS = 5_000;

    private TlsProbe() {
    }

    /** The protocols among {@link #CANDIDATES} that a handshake with {@code host:port} succeeds with, sorted. */
    static List<String> accepted(String host, int port) {
        List<String> accepted = new ArrayList<>();
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new AnyCertificate()}, null);
        } catch (Exception e) {
            LOG.log(Level.FINE, "no TLS client for the probe", e);
            return List.of();
        }
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        for (String protocol : CANDIDATES) {
            if (!supported.contains(protocol)) {
                continue;
            }
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
                socket.setSoTimeout(TIMEOUT_MS);
                socket.setEnabledProtocols(new String[]{protocol});
                socket.startHandshake();
                if (protocol.equals(socket.getSession().getProtocol())) {
                    accepted.add(protocol);
                }
            } catch (Exception refused) {
                LOG.log(Level.FINE, () -> protocol + " not accepted on " + host + ":" + port + ": " + refused);
            }
        }
        return accepted.stream().sorted().toList();
    }

    /** The TLS protocols the JVM's default server-side engine enables, sorted. */
    static List<String> engineDefaults() {
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine();
            engine.setUseClientMode(false);
            return Arrays.stream(engine.getEnabledProtocols()).filter(p -> p.startsWith("TLS")).sorted().toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Accepts any certificate: the probe reads protocol versions, it trusts nothing it receives. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the probe sends nothing after the handshake
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
