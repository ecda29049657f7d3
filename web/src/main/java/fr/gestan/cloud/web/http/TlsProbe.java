package fr.gestan.cloud.web.http;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * What TLS protocols a listening HTTPS port accepts, found by shaking hands with it once per protocol (nothing is
 * sent after the handshake). The server's certificate is not checked: the probe only asks which protocol versions the
 * listener negotiates, on this node's own port.
 */
final class TlsProbe {

    private static final Logger LOG = Logger.getLogger(TlsProbe.class.getName());
    static final List<String> CANDIDATES = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final int CONNECT_MS = 5_000;
    /** Generous: the server makes its self-signed key on the first handshake it serves (seconds on a loaded machine). */
    private static final int HANDSHAKE_MS = 30_000;
    private static final int ROUNDS = 3;
    private static volatile String lastRefusal;

    private TlsProbe() {
    }

    /**
     * The protocols among {@link #CANDIDATES} that a handshake with {@code host:port} succeeds with, sorted; a round
     * where none succeeds is tried again (the listener may still be making its key), empty after {@link #ROUNDS}.
     */
    static List<String> accepted(String host, int port) {
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> accepted = round(host, port);
            if (!accepted.isEmpty()) {
                return accepted;
            }
        }
        LOG.warning(() -> "No TLS handshake succeeded with " + host + ":" + port + " (last: " + lastRefusal
                + "): the TLS versions are not read");
        return List.of();
    }

    private static List<String> round(String host, int port) {
        List<String> accepted = new ArrayList<>();
        SSLContext context;
        try {
            context = AnyCertificate.tls();
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
                socket.connect(new InetSocketAddress(host, port), CONNECT_MS);
                socket.setSoTimeout(HANDSHAKE_MS);
                socket.setEnabledProtocols(new String[]{protocol});
                socket.startHandshake();
                if (protocol.equals(socket.getSession().getProtocol())) {
                    accepted.add(protocol);
                }
                LOG.fine(() -> protocol + " accepted on " + host + ":" + port);
            } catch (Exception refused) {
                LOG.log(Level.FINE, () -> protocol + " not accepted on " + host + ":" + port + ": " + refused);
                lastRefusal = protocol + ": " + refused;
            }
        }
        return accepted.stream().sorted().toList();
    }
}
