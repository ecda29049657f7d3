package fr.gestan.cloud.it.env;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.gestan.cloud.it.support.CaughtMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The integration tests' SMTP server: a real GreenMail on 127.0.0.1:{@value #SMTP_BASE}+offset (the test server sends
 * there), started with the environment, and a small control API on 127.0.0.1:{@value #CONTROL_BASE}+offset for the
 * in-container tests, which run in WildFly's JVM: {@code GET /mail?to=} (the messages caught for an address, in
 * {@link CaughtMail}'s text form), {@code POST /smtp/stop} and {@code POST /smtp/start} (SMTP down, then back), and
 * {@code POST /smtp/discard} (GreenMail replaced by a {@link SmtpSink} that keeps nothing, for the benchmark, until the
 * next {@code /smtp/start}, whose answer then says how many messages the sink discarded).
 */
public final class MailCatcher {

    static final int SMTP_BASE = 3025;
    static final int CONTROL_BASE = 8025;
    /**
     * {@code -Dgestan.it.smtp-port} when SMTP_BASE + offset is taken: with offsets 5,000 apart, one suite's SMTP port is
     * another's control port (3025 + 45000 = 8025 + 40000).
     */
    public static final int SMTP_PORT = Integer.getInteger("gestan.it.smtp-port", SMTP_BASE + TestEnvironment.PORT_OFFSET);
    /** {@code -Dgestan.it.mail-control-port} likewise (passed on to the test server for the in-container tests). */
    public static final int CONTROL_PORT = Integer.getInteger("gestan.it.mail-control-port", CONTROL_BASE + TestEnvironment.PORT_OFFSET);

    private static GreenMail greenMail;
    private static HttpServer control;
    private static SmtpSink sink;

    private MailCatcher() {
    }

    static synchronized String start() {
        startSmtp();
        try {
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", CONTROL_PORT), 0);
        } catch (IOException e) {
            throw new IllegalStateException("port " + CONTROL_PORT + " busy (a test run left over?)", e);
        }
        control.createContext("/mail", MailCatcher::mail);
        control.createContext("/smtp/stop", exchange -> answer(exchange, 200, stopSmtp()));
        control.createContext("/smtp/start", exchange -> answer(exchange, 200, startSmtp()));
        control.createContext("/smtp/discard", exchange -> answer(exchange, 200, discardSmtp()));
        control.start();
        return "GreenMail SMTP on 127.0.0.1:" + SMTP_PORT + " (control http://127.0.0.1:" + CONTROL_PORT + ")";
    }

    static synchronized void stop() {
        if (control != null) {
            control.stop(0);
            control = null;
        }
        if (sink != null) {
            closeSink();
        }
        stopSmtp();
    }

    static synchronized String startSmtp() {
        String discarded = "";
        if (sink != null) {
            discarded = " (the sink discarded " + sink.messages() + " messages)";
            closeSink();
        }
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return "started" + discarded;
    }

    static synchronized String discardSmtp() {
        stopSmtp();
        if (sink == null) {
            try {
                sink = new SmtpSink(SMTP_PORT);
            } catch (IOException e) {
                throw new IllegalStateException("port " + SMTP_PORT + " busy", e);
            }
        }
        return "discarding";
    }

    private static void closeSink() {
        try {
            sink.close();
        } catch (IOException e) {
            // closing a listening socket: nothing left to do
        }
        sink = null;
    }

    static synchronized String stopSmtp() {
        if (greenMail != null) {
            // keep what was caught: a restarted GreenMail starts empty
            CAUGHT.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
        return "stopped";
    }

    private static final List<MimeMessage> CAUGHT = new ArrayList<>();

    /** Every message caught for {@code address} (oldest first), on the client side (RunAsClient tests). */
    public static synchronized List<CaughtMail> to(String address) {
        List<MimeMessage> all = new ArrayList<>(CAUGHT);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        List<CaughtMail> found = new ArrayList<>();
        for (MimeMessage message : all) {
            try {
                CaughtMail caught = CaughtMail.of(message);
                if (caught.to().equalsIgnoreCase(address)) {
                    found.add(caught);
                }
            } catch (Exception e) {
                throw new IllegalStateException("unreadable caught message", e);
            }
        }
        return found;
    }

    /** How many messages were caught in all, whoever they were for (the cluster test: nothing is sent twice). */
    public static synchronized int count() {
        return CAUGHT.size() + (greenMail == null ? 0 : greenMail.getReceivedMessages().length);
    }

    /** How many times each message was caught, by its Message-ID without its brackets and domain (the delivery's id). */
    public static synchronized java.util.Map<String, Integer> countByMessageId() {
        List<MimeMessage> all = new ArrayList<>(CAUGHT);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (MimeMessage message : all) {
            try {
                String id = String.valueOf(message.getMessageID()).replaceAll("^<|@.*$|>$", "");
                counts.merge(id, 1, Integer::sum);
            } catch (Exception e) {
                throw new IllegalStateException("unreadable caught message", e);
            }
        }
        return counts;
    }

    private static void mail(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String to = query == null || !query.startsWith("to=") ? "" : URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (CaughtMail caught : to(to)) {
            out.append(caught.encode()).append(CaughtMail.SEPARATOR);
        }
        answer(exchange, 200, out.toString());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
