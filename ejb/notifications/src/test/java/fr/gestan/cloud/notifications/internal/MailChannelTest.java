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
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mail channel against a real SMTP server (GreenMail): parts, headers, the same Message-ID on a retry. */
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

    private MailChannel channel(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        properties.setProperty("mail.from", "Gestan Cloud <notifications@gestan.localhost>");
        return new MailChannel(Session.getInstance(properties));
    }

    private static OutboxStore.Outgoing outgoing(String unsubscribe) {
        Message message = MessageRenderer.email("INCIDENT_RESOLVED", Map.of("title", "Panne disque", "message", "Réparé."), unsubscribe);
        return new OutboxStore.Outgoing(7, "msg_abc", Channel.EMAIL, "abonne@example.org", message, null,
                Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void sendsTextAndHtmlWithTheOneClickUnsubscribeHeadersAndAStableMessageId() throws Exception {
        MailChannel channel = channel(smtp.getSmtp().getPort());
        channel.send(outgoing("https://localhost:8443/api/v1/public/status/subscriptions/unsubscribe?token=t"));
        channel.send(outgoing("https://localhost:8443/api/v1/public/status/subscriptions/unsubscribe?token=t"));
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
    void aDownServerIsAnErrorForTheRetryPolicy() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        assertThrows(MessagingException.class, () -> channel(port).send(outgoing(null)));
    }
}
