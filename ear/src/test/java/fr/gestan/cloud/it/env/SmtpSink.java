package fr.gestan.cloud.it.env;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that accepts every message and keeps nothing: the benchmark's stand-in for the provider's mail relay,
 * which in production runs on another machine. GreenMail parses and keeps every message (MIME, headers, the whole body),
 * and on this two-core machine that parsing ran in the test's JVM beside the server it measures (1.8–2.2 ms of CPU per
 * certificate of a batch, docs/performance.md 4.38). The product side is unchanged: it still renders and sends each
 * e-mail over SMTP, through the same dialogue (EHLO, MAIL, RCPT, DATA, QUIT). Only for {@code ScaleBenchmarkIT}, through
 * the catcher's control API ({@code POST /smtp/discard}).
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong messages = new AtomicLong();

    SmtpSink(int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true); // GreenMail listened on this port a moment ago
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        sessions.execute(this::accept);
    }

    /** How many messages it accepted (and discarded) so far. */
    long messages() {
        return messages.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sessions.execute(() -> converse(client));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one failed accept: the next client is served
            }
        }
    }

    /** One SMTP session: every command answered as a relay that accepts would answer it; the message's lines dropped. */
    void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = (line.length() < 4 ? line : line.substring(0, 4)).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // discarded
                        }
                        if (line == null) {
                            return;
                        }
                        messages.incrementAndGet();
                        reply(out, "250 discarded");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 ok");
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        sessions.shutdownNow();
    }
}
