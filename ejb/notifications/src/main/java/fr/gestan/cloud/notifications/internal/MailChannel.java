package fr.gestan.cloud.notifications.internal;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Sends an outbox e-mail through the server's mail session ({@code java:jboss/mail/Gestan}: host, port, STARTTLS
 * from server.cli) as multipart/alternative text + HTML, with the delivery's id as Message-ID and, for a
 * subscription, {@code List-Unsubscribe} with one-click POST (RFC 8058). SMTP credentials, when the server needs
 * them: {@code gestan.smtp.user}/{@code GESTAN_SMTP_USER} and {@code gestan.smtp.password}/{@code GESTAN_SMTP_PASSWORD}.
 * A round of the sender sends all its e-mails over one connection ({@link #open()}).
 */
final class MailChannel {

    static final String JNDI = "java:jboss/mail/Gestan";
    /** Jakarta Mail's setting naming its stream provider (read by its {@code FactoryFinder} before any lookup). */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final Logger LOG = Logger.getLogger(MailChannel.class.getName());

    private final Session session;

    MailChannel(Session configured) {
        // the server's session, with timeouts: a stalled SMTP server must not stall the sender
        Properties properties = new Properties();
        properties.putAll(configured.getProperties());
        String timeout = String.valueOf(Integer.getInteger("gestan.smtp.timeout-seconds", 20) * 1000);
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        this.session = Session.getInstance(properties);
        nameStreamProvider();
    }

    /**
     * Jakarta Mail 2.1 looks its stream provider up for every body part, multipart and encoded header
     * ({@code StreamProvider.provider()}): a {@code ServiceLoader} scan of the deployment's modules each time unless
     * {@value #STREAM_PROVIDER} names the class (jakartaee/mail-api#699, #861). The scan was about half of the outbox
     * sender's CPU while a certificate batch sent its e-mails (docs/performance.md, 4.28). The class the scan finds is
     * named once here, so that the next lookups instantiate it directly; a setting already there is kept.
     */
    static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, jakarta.mail.util.StreamProvider.provider().getClass().getName());
        }
    }

    /** A connection for one round of the sender: every e-mail of the round goes through it. */
    Connection open() {
        return new Connection();
    }

    /**
     * One round's SMTP connection: connected at the round's first e-mail, reused for the next ones
     * ({@code sendMessage} per message), closed at the end of the round. A message that fails closes it (a broken
     * connection is never reused) and the next message connects again; when connecting itself fails, the round's
     * remaining e-mails fail with that error without trying again (a stalled server costs one timeout per round,
     * not one per message).
     */
    final class Connection implements AutoCloseable {

        private Transport transport;
        private MessagingException unreachable;

        private Connection() {
        }

        /** Sends; returns the SMTP server's answer (as the attempt's detail). */
        String send(OutboxStore.Outgoing outgoing) throws MessagingException {
            MimeMessage mail = compose(outgoing);
            if (unreachable != null) {
                throw new MessagingException("SMTP server unreachable in this round: " + unreachable.getMessage(), unreachable);
            }
            try {
                if (transport == null) {
                    transport = connect();
                }
            } catch (MessagingException e) {
                unreachable = e;
                throw e;
            }
            try {
                transport.sendMessage(mail, mail.getAllRecipients());
                return "accepted by " + transport.getURLName().getHost() + " as " + mail.getMessageID();
            } catch (MessagingException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private Transport connect() throws MessagingException {
            Transport opened = session.getTransport("smtp");
            String user = setting("gestan.smtp.user", "GESTAN_SMTP_USER", null);
            if (user == null || user.isBlank()) {
                opened.connect();
            } else {
                opened.connect(user, setting("gestan.smtp.password", "GESTAN_SMTP_PASSWORD", ""));
            }
            return opened;
        }

        /** Ends the connection (QUIT); a later {@link #send} connects again. */
        @Override
        public void close() {
            Transport open = transport;
            transport = null;
            if (open != null) {
                try {
                    open.close();
                } catch (MessagingException | RuntimeException e) {
                    LOG.fine(() -> "closing the SMTP connection: " + e);
                }
            }
        }
    }

    private MimeMessage compose(OutboxStore.Outgoing outgoing) throws MessagingException {
        String messageId = "<" + outgoing.messageId() + "@gestan.cloud>";
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the same id on every retry
            }
        };
        String from = setting("gestan.mail.from", "GESTAN_MAIL_FROM", session.getProperty("mail.from"));
        mail.setFrom(new InternetAddress(from == null ? "Gestan Cloud <notifications@gestan.localhost>" : from));
        mail.setRecipients(RecipientType.TO, InternetAddress.parse(outgoing.target(), true));
        mail.setSubject(outgoing.message().subject(), "UTF-8");
        mail.setSentDate(java.util.Date.from(outgoing.createdAt()));
        mail.setHeader("Content-Language", "fr, en");
        mail.setHeader("Auto-Submitted", "auto-generated");
        if (outgoing.message().unsubscribeUrl() != null) {
            mail.setHeader("List-Unsubscribe", "<" + outgoing.message().unsubscribeUrl() + ">");
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(outgoing.message().text(), "UTF-8");
        alternative.addBodyPart(text);
        if (outgoing.message().html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(outgoing.message().html(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        mail.setContent(alternative);
        mail.saveChanges();
        return mail;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
