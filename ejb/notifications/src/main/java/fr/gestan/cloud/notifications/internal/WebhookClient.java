package fr.gestan.cloud.notifications.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs a webhook with plain sockets so that the SSRF guard judges the address actually connected to: the host is
 * resolved once, each address is checked ({@link WebhookAddresses}), and the socket connects to that very address
 * (TLS on top with the URL's host name for SNI and certificate checking). HTTP/1.1, {@code Connection: close}, no
 * redirects followed. Times out after {@code gestan.notifications.webhooks.timeout-seconds} (default 10).
 */
final class WebhookClient {

    /** What the receiver answered. */
    record Response(int status, String statusLine) {
    }

    private final WebhookAddresses addresses;
    private final int timeoutMs;

    WebhookClient(WebhookAddresses addresses, int timeoutMs) {
        this.addresses = addresses;
        this.timeoutMs = timeoutMs;
    }

    static WebhookClient current() {
        return new WebhookClient(WebhookAddresses.current(), Integer.getInteger("gestan.notifications.webhooks.timeout-seconds", 10) * 1000);
    }

    Response post(String url, Map<String, String> headers, String body) throws IOException {
        URI uri = addresses.parse(url);
        if (uri == null) {
            throw new IOException("webhook address not allowed: " + url);
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetAddress target = null;
        for (InetAddress candidate : InetAddress.getAllByName(uri.getHost())) {
            if (!addresses.mayConnect(uri, candidate)) {
                throw new IOException("webhook host " + uri.getHost() + " resolves to a non-public address " + candidate.getHostAddress());
            }
            if (target == null) {
                target = candidate;
            }
        }
        if (target == null) {
            throw new IOException("webhook host " + uri.getHost() + " does not resolve");
        }
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(target, port), timeoutMs);
        plain.setSoTimeout(timeoutMs);
        // the connected address, judged again (the one the kernel actually used)
        if (!addresses.mayConnect(uri, plain.getInetAddress())) {
            plain.close();
            throw new IOException("webhook connection to a non-public address " + plain.getInetAddress().getHostAddress());
        }
        try (Socket socket = tls ? wrap(plain, uri.getHost(), port) : plain) {
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            StringBuilder request = new StringBuilder("POST ").append(path)
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n")
                    .append("User-Agent: GestanCloud-Webhooks/1\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(payload.length).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("no HTTP answer from the webhook: " + statusLine);
            }
            String[] parts = statusLine.split(" ", 3);
            try {
                return new Response(Integer.parseInt(parts[1]), statusLine.length() > 200 ? statusLine.substring(0, 200) : statusLine);
            } catch (RuntimeException e) {
                throw new IOException("malformed HTTP status line: " + statusLine);
            }
        }
    }

    private static Socket wrap(Socket plain, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }
}
