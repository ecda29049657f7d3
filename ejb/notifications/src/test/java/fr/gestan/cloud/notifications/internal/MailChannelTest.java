package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.gestan.cloud.notifications.api.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail channel against a real SMTP server (GreenMail): parts, headers, the same Message-ID on a retry, one
 * connection per round (counted by the session's socket factory).
 */
class MailChannelTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    /** Counts the SMTP connections opened (Jakarta Mail takes a socket factory instance as a session property). */
    private final CountingSockets sockets = new CountingSockets();

    private MailChannel channel(int port) {
        return new MailChannel(session(port, sockets));
    }

    static Session session(int port, SocketFactory sockets) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        properties.setProperty("mail.from", "Gestan Cloud <notifications@gestan.localhost>");
        properties.put("mail.smtp.socketFactory", sockets);
        return Session.getInstance(properties);
    }

    private static OutboxStore.Outgoing outgoing(String unsubscribe) {
        return outgoing(7, "abonne@example.org", unsubscribe);
    }

    static OutboxStore.Outgoing outgoing(long id, String to, String unsubscribe) {
        Message message = MessageRenderer.email("INCIDENT_RESOLVED", Map.of("title", "Panne disque", "message", "Réparé."), unsubscribe);
        return new OutboxStore.Outgoing(id, id == 7 ? "msg_abc" : "msg_" + id, Channel.EMAIL, to, message, null,
                Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void the_stream_provider_is_named_once_so_that_jakarta_mail_does_not_scan_for_it_again() throws Exception {
        String before = System.getProperty(MailChannel.STREAM_PROVIDER);
        System.clearProperty(MailChannel.STREAM_PROVIDER);
        try {
            channel(smtp.getSmtp().getPort());
            String named = System.getProperty(MailChannel.STREAM_PROVIDER);
            assertEquals("org.eclipse.angus.mail.util.MailStreamProvider", named, "the provider the lookup finds");
            assertEquals(named, jakarta.mail.util.StreamProvider.provider().getClass().getName());
            try (MailChannel.Connection mail = channel(smtp.getSmtp().getPort()).open()) {
                mail.send(outgoing(null));
            }
            assertTrue(smtp.waitForIncomingEmail(5000, 1), "an e-mail composed with the named provider is sent as before");
            System.setProperty(MailChannel.STREAM_PROVIDER, named + "Configured");
            MailChannel.nameStreamProvider();
            assertEquals(named + "Configured", System.getProperty(MailChannel.STREAM_PROVIDER), "a setting already there is kept");
        } finally {
            if (before == null) {
                System.clearProperty(MailChannel.STREAM_PROVIDER);
            } else {
                System.setProperty(MailChannel.STREAM_PROVIDER, before);
            }
        }
    }

    /**
     * A plain socket factory that counts the sockets it makes. Jakarta Mail asks for an unconnected socket and connects
     * it itself (with the session's timeout); the connected variants are not used (they fail the test if they are).
     */
    static final class CountingSockets extends SocketFactory {

        final AtomicInteger made = new AtomicInteger();

        @Override
        public Socket createSocket() {
            made.incrementAndGet();
            return new Socket();
        }

        // @formatter:off
        @Override public Socket createSocket(String host, int port) { throw new UnsupportedOperationException(); }
        @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) { throw new UnsupportedOperationException(); }
        @Override public Socket createSocket(InetAddress host, int port) { throw new UnsupportedOperationException(); }
        @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) { throw new UnsupportedOperationException(); }
        // @formatter:on
    }

    @Test
    void sendsTextAndHtmlWithTheOneClickUnsubscribeHeadersAndAStableMessageId() throws Exception {
        MailChannel channel = channel(smtp.getSmtp().getPort());
        try (MailChannel.Connection connection = channel.open()) {
            assertEquals("accepted by 127.0.0.1 as <msg_abc@gestan.cloud>",
                    connection.send(outgoing("https://localhost:8443/api/v1/public/status/subscriptions/unsubscribe?token=t")));
        }
        try (MailChannel.Connection connection = channel.open()) {
            connection.send(outgoing("https://localhost:8443/api/v1/public/status/subscriptions/unsubscribe?token=t"));
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        MimeMessage mail = received[0];
        assertEquals("[Gestan Cloud] Incident résolu : Panne disque", mail.getSubject());
        assertEquals("<msg_abc@gestan.cloud>", mail.getMessageID());
        assertEquals(mail.getMessageID(), received[1].getMessageID(), "a retry is the same message");
        assertEquals("<https://localhost:8443/api/v1/public/status/subscriptions/unsubscribe?token=t>",
                mail.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
        assertEquals("notifications@gestan.localhost", ((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getAddress());
        Multipart parts = (Multipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("L'incident « Panne disque » est résolu."));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    }

    @Test
    void aRoundsEmailsGoOverOneConnectionAndABadOneDoesNotStopTheOthers() throws Exception {
        try (MailChannel.Connection connection = channel(smtp.getSmtp().getPort()).open()) {
            connection.send(outgoing(1, "un@example.org", null));
            assertThrows(MessagingException.class, () -> connection.send(outgoing(2, "pas une adresse@@", null)));
            connection.send(outgoing(3, "trois@example.org", null));
            connection.send(outgoing(4, "quatre@example.org", null));
        }
        assertEquals(3, smtp.getReceivedMessages().length);
        assertEquals(1, sockets.made.get(), "one SMTP connection for the round");
        try (MailChannel.Connection connection = channel(smtp.getSmtp().getPort()).open()) {
            connection.send(outgoing(5, "cinq@example.org", null));
        }
        assertEquals(2, sockets.made.get(), "a new round, a new connection");
    }

    @Test
    void aDownServerIsAnErrorForTheRetryPolicyAndIsTriedOncePerRound() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        try (MailChannel.Connection connection = channel(port).open()) {
            assertThrows(MessagingException.class, () -> connection.send(outgoing(1, "un@example.org", null)));
            MessagingException second = assertThrows(MessagingException.class, () -> connection.send(outgoing(2, "deux@example.org", null)));
            assertTrue(second.getMessage().contains("unreachable"), second.getMessage());
        }
        assertEquals(1, sockets.made.get(), "the round's other e-mails do not try to connect again");
    }
}
