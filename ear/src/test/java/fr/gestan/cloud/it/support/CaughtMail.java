package fr.gestan.cloud.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An e-mail caught by the tests' GreenMail ({@code it.env.MailCatcher}), as the tests read it: recipient, subject,
 * the one-click unsubscribe headers, the plain-text and HTML parts. In-container tests reach it through the catcher's
 * control API ({@link #to(String)}, {@link #stopSmtp()}, {@link #startSmtp()}).
 */
public record CaughtMail(String to, String subject, String listUnsubscribe, String listUnsubscribePost, String text, String html) {

    public static final String SEPARATOR = "\n--caught-mail--\n";
    // The catcher's control port: set by the suite (gestan.it.mail-control-port, also given to the server JVM), else
    // the standard one plus the tests' offset; in the server that offset is WildFly's own (the server JVM is not given
    // gestan.it.port-offset).
    static final String CONTROL = "http://127.0.0.1:" + Integer.getInteger("gestan.it.mail-control-port",
            8025 + Integer.getInteger("gestan.it.port-offset", Integer.getInteger("jboss.socket.binding.port-offset", 10000)));

    /** Reads a caught MIME message (client side). */
    public static CaughtMail of(jakarta.mail.internet.MimeMessage message) throws Exception {
        String text = null;
        String html = null;
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        } else {
            text = String.valueOf(content);
        }
        return new CaughtMail(message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString(), message.getSubject(),
                message.getHeader("List-Unsubscribe", null), message.getHeader("List-Unsubscribe-Post", null), text, html);
    }

    /** One line per field, each base64 (an absent one: "-"). */
    public String encode() {
        List<String> lines = new ArrayList<>();
        for (String field : new String[] {to, subject, listUnsubscribe, listUnsubscribePost, text, html}) {
            lines.add(field == null ? "-" : Base64.getEncoder().encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        return String.join("\n", lines);
    }

    static CaughtMail decode(String encoded) {
        String[] f = encoded.strip().split("\n");
        String[] v = new String[6];
        for (int i = 0; i < 6; i++) {
            v[i] = f[i].equals("-") ? null : new String(Base64.getDecoder().decode(f[i]), StandardCharsets.UTF_8);
        }
        return new CaughtMail(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /** The messages caught for {@code address} so far (in-container: through the control API). */
    public static List<CaughtMail> to(String address) {
        String body = control("GET", "/mail?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        List<CaughtMail> found = new ArrayList<>();
        for (String one : body.split(SEPARATOR)) {
            if (!one.isBlank()) {
                found.add(decode(one));
            }
        }
        return found;
    }

    /** SMTP down: the catcher refuses connections until {@link #startSmtp()}. */
    public static void stopSmtp() {
        control("POST", "/smtp/stop");
    }

    /** SMTP back as GreenMail; after {@link #discardSmtp()}, the answer says how many messages the sink discarded. */
    public static String startSmtp() {
        return control("POST", "/smtp/start");
    }

    /** Messages accepted and discarded, not caught, until {@link #startSmtp()} (the benchmark: see SmtpSink). */
    public static void discardSmtp() {
        control("POST", "/smtp/discard");
    }

    private static String control(String method, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(CONTROL + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("mail catcher answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("mail catcher unreachable (TestEnvironment starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
