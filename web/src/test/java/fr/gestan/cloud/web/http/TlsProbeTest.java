package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe reads what a listening TLS port really negotiates (the listener's protocols, not assumed ones). */
class TlsProbeTest {

    @TempDir
    Path dir;

    private SSLContext serverContext() throws Exception {
        return TestTls.serverContext(dir);
    }

    /** A listener accepting only {@code protocols}, shaking hands with every client until closed. */
    private static SSLServerSocket listener(SSLContext context, String... protocols) throws Exception {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0);
        server.setEnabledProtocols(protocols);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(5_000);
                    s.startHandshake();
                    s.getInputStream().read(); // until the probe closes
                } catch (Exception ignored) {
                    // a refused protocol, or the listener closed
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    @Test
    void it_reports_the_protocols_the_listener_negotiates() throws Exception {
        SSLContext context = serverContext();
        try (SSLServerSocket only13 = listener(context, "TLSv1.3")) {
            assertEquals(List.of("TLSv1.3"), TlsProbe.accepted("127.0.0.1", only13.getLocalPort()));
        }
        try (SSLServerSocket both = listener(context, "TLSv1.2", "TLSv1.3")) {
            assertEquals(List.of("TLSv1.2", "TLSv1.3"), TlsProbe.accepted("127.0.0.1", both.getLocalPort()));
        }
    }

    @Test
    void nothing_listening_is_nothing_accepted() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertEquals(List.of(), TlsProbe.accepted("127.0.0.1", port));
    }
}
