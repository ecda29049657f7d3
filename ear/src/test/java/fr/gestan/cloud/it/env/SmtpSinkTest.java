package fr.gestan.cloud.it.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpSinkTest {

    @Test
    void jakarta_mail_delivers_to_it_over_smtp_and_it_counts_what_it_discards() throws Exception {
        int port = freePort();
        try (SmtpSink sink = new SmtpSink(port)) {
            Session session = session(port);
            for (int i = 0; i < 3; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("notifications@gestan.localhost"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("client" + i + "@example.fr"));
                message.setSubject("Certificat " + i, "UTF-8");
                // a line holding only a dot is escaped by the client (RFC 5321 §4.5.2): the sink must not stop there
                message.setText("Bonjour,\r\n.\r\nvotre certificat est prêt.\r\n", "UTF-8");
                Transport.send(message);
            }
            assertEquals(3, sink.messages());
        }
    }

    @Test
    void once_closed_it_refuses_connections() throws Exception {
        int port = freePort();
        new SmtpSink(port).close();
        MimeMessage message = new MimeMessage(session(port));
        message.setFrom(new InternetAddress("notifications@gestan.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("client@example.fr"));
        message.setText("x");
        assertThrows(MessagingException.class, () -> Transport.send(message));
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "5000");
        return Session.getInstance(p);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
