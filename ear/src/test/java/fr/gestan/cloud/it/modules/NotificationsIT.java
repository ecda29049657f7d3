package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.NewIncident;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.it.support.CaughtMail;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.notifications.api.AttemptView;
import fr.gestan.cloud.notifications.api.ClientNotifications;
import fr.gestan.cloud.notifications.api.DeliveryState;
import fr.gestan.cloud.notifications.api.DeliveryView;
import fr.gestan.cloud.notifications.api.NewWebhook;
import fr.gestan.cloud.notifications.api.NotificationDesk;
import fr.gestan.cloud.notifications.api.StatusSubscriptions;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.notifications.api.SubscriptionScope;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications end to end against the tests' real SMTP server (GreenMail, {@code it.env.MailCatcher}) and a webhook
 * receiver listening in the test: status subscriptions with double opt-in, an incident reaching a subscriber's mailbox
 * and a webhook whose Standard Webhooks signature the test verifies, staff access reaching the security contact, a
 * rollback sending nothing, SMTP down then up delivering once, webhook failures retried and 410 unsubscribing.
 */
@ExtendWith(ArquillianExtension.class)
public class NotificationsIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(NotificationsIT.class, List.of(CaughtMail.class, AsClearedSupport.class),
                "gestan-notifications.jar", "gestan-compliance.jar");
    }

    private static final Pattern CONFIRM = Pattern.compile("/confirm\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("/unsubscribe\\?token=([A-Za-z0-9_-]+)");

    @EJB
    ServerStatus status;
    @EJB
    HostingInventory inventory;
    @EJB
    StatusSubscriptions subscriptions;
    @EJB
    NotificationDesk desk;
    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    AsClearedSupport cleared;
    @EJB
    JournalQuery journal;
    @EJB
    ClientNotifications clientNotifications;
    @EJB
    fr.gestan.cloud.hosting.api.AgentEvents agentEvents;
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/GestanDS")
    javax.sql.DataSource dataSource;

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private void deliver() throws Exception {
        // a round of the sender now (the background round may have run first: nothing is sent twice either way)
        assertTrue(support.call(desk::deliverNow) >= 0, "this node holds the sender's lease");
    }

    /** Subscribes by e-mail and follows the confirmation link: an active subscriber. */
    private String subscribed(String who) throws Exception {
        String email = address(who);
        subscriptions.subscribeByEmail(email, SubscriptionScope.ALL, null);
        deliver();
        List<CaughtMail> mails = CaughtMail.to(email);
        assertEquals(1, mails.size(), "one confirmation");
        Matcher link = CONFIRM.matcher(mails.get(0).text());
        assertTrue(link.find(), mails.get(0).text());
        subscriptions.confirm(link.group(1));
        return email;
    }

    private long aServer() throws Exception {
        return support.call(inventory::servers).get(0).id();
    }

    @Test
    void an_incident_reaches_a_confirmed_subscriber_and_a_signed_webhook_and_unsubscribing_stops_the_mail() throws Exception {
        // Double opt-in: nothing but the confirmation until the link is followed; asking twice sends one confirmation.
        String email = address("abonne");
        subscriptions.subscribeByEmail(email, SubscriptionScope.ALL, null);
        subscriptions.subscribeByEmail(email.toUpperCase(Locale.ROOT), SubscriptionScope.ALL, null);
        deliver();
        List<CaughtMail> confirmations = CaughtMail.to(email);
        assertEquals(1, confirmations.size(), "the same address twice: one confirmation");
        CaughtMail confirmation = confirmations.get(0);
        assertTrue(confirmation.subject().startsWith("Confirmez votre abonnement"), confirmation.subject());
        Matcher link = CONFIRM.matcher(confirmation.text());
        assertTrue(link.find());
        subscriptions.confirm(link.group(1));

        try (Receiver receiver = new Receiver(200)) {
            NewWebhook hook = admin.call(() -> subscriptions.subscribeWebhook(receiver.url(), SubscriptionScope.ALL, null));
            assertTrue(hook.secret().startsWith("whsec_"));

            String title = "Panne réseau " + UUID.randomUUID();
            long server = aServer();
            IncidentView incident = support.call(() -> status.openIncident(new NewIncident(title, IncidentImpact.MAJOR,
                    "Nous analysons <la panne>.", Set.of(server))));
            deliver();

            List<CaughtMail> mails = CaughtMail.to(email);
            assertEquals(2, mails.size(), "the confirmation, then the incident");
            CaughtMail notice = mails.get(1);
            assertEquals("[Gestan Cloud] Incident : " + title, notice.subject());
            assertTrue(notice.text().indexOf("Incident « " + title + " » ouvert") < notice.text().indexOf("Incident \"" + title + "\" opened"),
                    "French, then English: " + notice.text());
            assertTrue(notice.html().contains("Nous analysons &lt;la panne&gt;."), notice.html());
            assertEquals("List-Unsubscribe=One-Click", notice.listUnsubscribePost());
            Matcher unsubscribe = UNSUBSCRIBE.matcher(notice.listUnsubscribe());
            assertTrue(notice.listUnsubscribe().startsWith("<https://") && unsubscribe.find(), notice.listUnsubscribe());

            Receiver.Request call = receiver.single();
            assertTrue(call.body().contains("\"type\":\"incident.opened\""), call.body());
            assertTrue(call.body().contains(title));
            assertTrue(verifies(hook.secret(), call), "Standard Webhooks signature of " + call.headers());

            // One click: no more mail; the webhook still hears the resolution.
            subscriptions.unsubscribe(unsubscribe.group(1));
            support.call(() -> status.postUpdate(incident.id(), IncidentState.RESOLVED, "Réparé."));
            deliver();
            assertEquals(2, CaughtMail.to(email).size(), "unsubscribed: nothing more");
            assertTrue(receiver.requests().stream().anyMatch(r -> r.body().contains("\"type\":\"incident.resolved\"")));
        }
    }

    @Test
    void a_rolled_back_incident_announces_nothing() throws Exception {
        String email = subscribed("rollback");
        String title = "Jamais annoncé " + UUID.randomUUID();
        long server = aServer();
        assertThrows(EJBException.class, () -> support.call(() -> {
            status.openIncident(new NewIncident(title, IncidentImpact.MINOR, "Brouillon.", Set.of(server)));
            throw new IllegalStateException("the action fails after the incident was written");
        }));
        deliver();
        assertEquals(1, CaughtMail.to(email).size(), "the confirmation only");
        assertTrue(support.call(() -> desk.recent(500)).stream().noneMatch(d -> d.subject().contains(title)), "no outbox row");
    }

    @Test
    void a_credential_reveal_reaches_the_security_contact_and_smtp_down_then_up_delivers_it_once() throws Exception {
        clearSupportAccounts();
        TenantRecord tenant = support.call(() -> tenants.create(Companies.minimal("Notices Sécurité SARL", Ids.siren())));
        String contact = address("securite");
        support.call(() -> tenants.setSecurityContact(tenant.id(), new Contact("Rémi Sécurité", contact, null)));
        HostedAccountView account = cleared.call(() -> accounts.create(tenant.id(), "Jeanne Compta")).account();

        CaughtMail.stopSmtp();
        try {
            cleared.call(() -> accounts.reveal(account.id(), "Client locked out, ticket #4521"));
            // The notice names the reveal's log position: the sender tries it once the sequencer has placed the entry.
            DeliveryView seen = null;
            for (long deadline = System.nanoTime() + 30_000_000_000L; seen == null && System.nanoTime() < deadline; Thread.sleep(250)) {
                deliver();
                seen = support.call(() -> desk.failures(100)).stream().filter(d -> d.target().equals(contact)).findFirst().orElse(null);
            }
            assertNotNull(seen, "the notice waits among the failures");
            DeliveryView failed = seen;
            assertEquals(DeliveryState.FAILED, failed.state());
            List<AttemptView> attempts = auditor.call(() -> desk.attempts(failed.id()));
            assertEquals("FAILED", attempts.get(attempts.size() - 1).outcome());
            assertFalse(attempts.get(0).detail().isBlank(), "the SMTP error is kept");
            assertTrue(CaughtMail.to(contact).isEmpty());

            CaughtMail.startSmtp();
            support.call(() -> desk.retry(failed.id()));
            deliver();
            deliver();
        } finally {
            CaughtMail.startSmtp();
        }
        List<CaughtMail> mails = CaughtMail.to(contact);
        assertEquals(1, mails.size(), "delivered once when SMTP is back");
        CaughtMail notice = mails.get(0);
        assertTrue(notice.subject().contains("affichage d'un identifiant"), notice.subject());
        assertTrue(notice.text().contains("Qui : support.accounts"), notice.text());
        assertTrue(notice.text().contains("Motif indiqué : Client locked out, ticket #4521"), notice.text());
        assertTrue(notice.text().contains(account.login()));
        // the notice names the journal entry recording the reveal by its log position (given after commit)
        Long position = auditor.call(() -> journal.ofTenant(tenant.siren(), 0, 50)).stream()
                .filter(e -> e.action().equals("SECRET_REVEALED") && e.target().equals(account.login())).findFirst().orElseThrow().seq();
        assertNotNull(position, "sequenced");
        assertTrue(notice.text().contains("Entrée du journal d'accès : position " + position + " "), notice.text());
        assertTrue(notice.text().contains("Access journal entry: position " + position + " "), notice.text());
        assertEquals(null, notice.listUnsubscribe(), "not a subscription: no unsubscribe");
        assertEquals(DeliveryState.SENT, support.call(() -> desk.recent(500)).stream().filter(d -> d.target().equals(contact))
                .findFirst().orElseThrow().state());
    }

    @Test
    void a_webhook_answering_500_is_retried_by_staff_and_a_410_ends_its_subscription() throws Exception {
        try (Receiver receiver = new Receiver(500)) {
            admin.call(() -> subscriptions.subscribeWebhook(receiver.url(), SubscriptionScope.SERVER, String.valueOf(aServer())));
            long server = aServer();
            IncidentView incident = support.call(() -> status.openIncident(new NewIncident("Webhook " + UUID.randomUUID(),
                    IncidentImpact.MINOR, "Début.", Set.of(server))));
            deliver();
            DeliveryView failed = support.call(() -> desk.failures(100)).stream().filter(d -> d.target().equals(receiver.url()))
                    .findFirst().orElseThrow();
            assertTrue(failed.lastError().contains("500"), failed.lastError());

            receiver.answer(200);
            support.call(() -> desk.retry(failed.id()));
            deliver();
            assertEquals(2, receiver.requests().size(), "the 500, then the retry");
            Receiver.Request first = receiver.requests().get(0);
            Receiver.Request second = receiver.requests().get(1);
            assertEquals(first.headers().get("webhook-id"), second.headers().get("webhook-id"), "same id on a retry");

            receiver.answer(410);
            support.call(() -> status.postUpdate(incident.id(), IncidentState.MONITORING, "Suivi."));
            deliver();
            assertEquals(DeliveryState.CANCELLED, support.call(() -> desk.recent(200)).stream()
                    .filter(d -> d.target().equals(receiver.url())).findFirst().orElseThrow().state());
            int calls = receiver.requests().size();
            support.call(() -> status.postUpdate(incident.id(), IncidentState.RESOLVED, "Fin."));
            deliver();
            assertEquals(calls, receiver.requests().size(), "410: unsubscribed");
        }
    }

    @Test
    void bad_addresses_are_refused_with_the_field_named() throws Exception {
        EJBException invalid = assertThrows(EJBException.class,
                () -> subscriptions.subscribeByEmail("pas-une-adresse", SubscriptionScope.ALL, null));
        Throwable cause = invalid;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        ConstraintViolationException violations = assertInstanceOf(ConstraintViolationException.class, cause);
        assertEquals("subscribeByEmail.email", violations.getConstraintViolations().iterator().next().getPropertyPath().toString());
        SubscriptionRefusedException http = assertThrows(SubscriptionRefusedException.class,
                () -> admin.call(() -> subscriptions.subscribeWebhook("http://hooks.example.org/x", SubscriptionScope.ALL, null)));
        assertEquals("webhookUrl", http.field());
        assertThrows(SubscriptionRefusedException.class,
                () -> subscriptions.subscribeByEmail(address("inconnu"), SubscriptionScope.DATA_CENTRE, "NO-SUCH-DC"));
        assertThrows(SubscriptionRefusedException.class, () -> subscriptions.confirm("no-such-token"));
        assertThrows(jakarta.ejb.EJBAccessException.class,
                () -> subscriptions.subscribeWebhook("https://hooks.example.org/x", SubscriptionScope.ALL, null));
    }

    @Test
    void a_client_hears_of_its_own_servers_by_default_and_turns_it_off_in_the_portal() throws Exception {
        // the demo company is hosted on GC-PROD-01; it has no technical contact: its administrative contact is told
        String demoContact = "camille.martin@boulangerie-martin.example";
        long prod1 = support.call(inventory::servers).stream().filter(s -> s.name().equals("GC-PROD-01")).findFirst().orElseThrow().id();
        String title = "Lenteurs GC-PROD-01 " + UUID.randomUUID();
        IncidentView incident = support.call(() -> status.openIncident(new NewIncident(title, IncidentImpact.MINOR,
                "Nous regardons.", Set.of(prod1))));
        deliver();
        assertTrue(client.call(clientNotifications::myStatusNotices), "on by default");
        assertEquals(1, CaughtMail.to(demoContact).stream().filter(m -> m.subject().contains(title)).count(), "told by default");

        client.call(() -> clientNotifications.setMyStatusNotices(false));
        try {
            assertTrue(!client.call(clientNotifications::myStatusNotices));
            assertTrue(auditor.call(() -> journal.ofTenant("842317653", 0, 20)).stream().anyMatch(e -> e.action().equals("STATUS_NOTICES_OFF")));
            support.call(() -> status.postUpdate(incident.id(), IncidentState.RESOLVED, "Réglé."));
            deliver();
            assertEquals(1, CaughtMail.to(demoContact).stream().filter(m -> m.subject().contains(title)).count(), "turned off: not told");
            assertThrows(jakarta.ejb.EJBAccessException.class, () -> support.call(() -> clientNotifications.setMyStatusNotices(false)));
        } finally {
            client.call(() -> clientNotifications.setMyStatusNotices(true));
        }
    }

    @Test
    void an_agreement_expiring_within_a_week_reminds_the_on_call_address_once() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String username = "rappel." + UUID.randomUUID().toString().substring(0, 6);
        admin.call(() -> agreements.registerStaff(new NewStaffMember(username, "Rappel Accord", "support")));
        admin.call(() -> agreements.recordAgreement(username, today.minusYears(1), today.plusDays(5), "accord.pdf",
                SupportClearance.AGREEMENT_PDF));
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> auditor.call(desk::remindNow));
        assertTrue(support.call(desk::remindNow) >= 1);
        support.call(desk::remindNow); // a second pass (the timer's, another node's) sends nothing again
        deliver();
        List<CaughtMail> reminders = CaughtMail.to("oncall@gestan.localhost").stream().filter(m -> m.subject().contains(username)).toList();
        assertEquals(1, reminders.size(), "one reminder for the 7-day mark");
        CaughtMail reminder = reminders.get(0);
        assertTrue(reminder.subject().contains("accord de confidentialité qui expire : " + username + " (dans 7 jours ou moins)"), reminder.subject());
        assertTrue(reminder.text().contains("échéance : " + today.plusDays(5)), reminder.text());
        assertTrue(reminder.text().contains("confidentiality agreement expiring — " + username + ": within 7 days"), reminder.text());
        assertTrue(reminder.text().contains("/admin/"), reminder.text());
        // and the administrators (their Keycloak address: admin.demo's), once
        assertEquals(1, CaughtMail.to("alex.petit@gestan-cloud.example").stream().filter(m -> m.subject().contains(username)).count(),
                "the role concerned: admin");
        assertEquals(0, CaughtMail.to("sacha.bernard@gestan-cloud.example").stream().filter(m -> m.subject().contains(username)).count(),
                "not support");
    }

    @Test
    void an_initial_secret_expired_before_being_changed_reminds_the_on_call_address_once() throws Exception {
        clearSupportAccounts();
        TenantRecord tenant = support.call(() -> tenants.create(Companies.minimal("Rappels Identifiants SARL", Ids.siren())));
        HostedAccountView account = cleared.call(() -> accounts.create(tenant.id(), "Paul Retard")).account();
        // the secret's expiry moved to yesterday (as if issued long ago), as the application role may write it
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement update = c.prepareStatement(
                "update hosted_account set secret_expires_on = ? where id = ?")) {
            update.setObject(1, LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1));
            update.setLong(2, account.id());
            assertEquals(1, update.executeUpdate());
        }
        support.call(desk::remindNow);
        support.call(desk::remindNow);
        deliver();
        List<CaughtMail> reminders = CaughtMail.to("oncall@gestan.localhost").stream().filter(m -> m.subject().contains(account.login())).toList();
        assertEquals(1, reminders.size(), "one reminder per account and secret");
        assertTrue(reminders.get(0).subject().contains("identifiant initial non changé à temps"), reminders.get(0).subject());
        assertTrue(reminders.get(0).text().contains(tenant.siren()), reminders.get(0).text());
        assertEquals(1, CaughtMail.to("sacha.bernard@gestan-cloud.example").stream().filter(m -> m.subject().contains(account.login())).count(),
                "the role concerned: support (support.demo's Keycloak address)");
    }

    private void clearSupportAccounts() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        try {
            admin.call(() -> agreements.registerStaff(new NewStaffMember("support.accounts", "Support comptes", "support")));
        } catch (StaffException alreadyRegistered) {
            // another test class registered it on this database
        }
        admin.call(() -> agreements.recordAgreement("support.accounts", today.minusDays(1), today.plusYears(1), "accord.pdf",
                SupportClearance.AGREEMENT_PDF));
    }

    /** Waits (sender rounds) for a call to the receiver whose body contains {@code text}. */
    private Receiver.Request awaitCall(Receiver receiver, String text) throws Exception {
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(250)) {
            deliver();
            java.util.Optional<Receiver.Request> call = receiver.requests().stream().filter(r -> r.body().contains(text)).findFirst();
            if (call.isPresent()) {
                return call.get();
            }
        }
        throw new AssertionError("no call containing " + text + " in " + receiver.requests());
    }

    @Test
    void a_client_registers_its_own_webhook_tests_it_hears_of_staff_access_and_disables_it() throws Exception {
        clearSupportAccounts();
        TenantRecord demo = support.call(() -> tenants.findBySiren("842317653")).orElseThrow();
        try (Receiver receiver = new Receiver(200)) {
            // not https and not the allowed loopback form: refused naming the field; support may not register for a client
            SubscriptionRefusedException http = assertThrows(SubscriptionRefusedException.class,
                    () -> client.call(() -> clientNotifications.addMyWebhook("http://hooks.example.org/x")));
            assertEquals("webhookUrl", http.field());
            assertThrows(jakarta.ejb.EJBAccessException.class, () -> support.call(() -> clientNotifications.addMyWebhook(receiver.url())));

            NewWebhook hook = client.call(() -> clientNotifications.addMyWebhook(receiver.url()));
            assertTrue(hook.secret().startsWith("whsec_"));
            assertTrue(client.call(clientNotifications::myWebhooks).stream().anyMatch(w -> w.id() == hook.id() && w.active()));
            assertTrue(auditor.call(() -> journal.ofTenant("842317653", 0, 20)).stream().anyMatch(e -> e.action().equals("CLIENT_WEBHOOK_ADDED")));

            client.call(() -> { clientNotifications.testMyWebhook(hook.id()); return null; });
            Receiver.Request test = awaitCall(receiver, "\"type\":\"webhook.test\"");
            assertTrue(verifies(hook.secret(), test), "signed: " + test.headers());

            HostedAccountView account = cleared.call(() -> accounts.create(demo.id(), "Webhook Compta " + UUID.randomUUID().toString().substring(0, 4))).account();
            cleared.call(() -> accounts.reveal(account.id(), "Webhook test, ticket #77"));
            Receiver.Request access = awaitCall(receiver, account.login());
            assertTrue(access.body().contains("\"type\":\"staff.access\""), access.body());
            assertTrue(access.body().contains("Webhook test, ticket #77"), access.body());
            assertTrue(verifies(hook.secret(), access), "signed: " + access.headers());
            Long position = auditor.call(() -> journal.ofTenant(demo.siren(), 0, 50)).stream()
                    .filter(e -> e.action().equals("SECRET_REVEALED") && e.target().equals(account.login())).findFirst().orElseThrow().seq();
            assertTrue(access.body().contains("\"journalPosition\":\"" + position + "\""), access.body());

            client.call(() -> { clientNotifications.disableMyWebhook(hook.id()); return null; });
            assertFalse(client.call(clientNotifications::myWebhooks).stream().filter(w -> w.id() == hook.id()).findFirst().orElseThrow().active());
            int calls = receiver.requests().size();
            cleared.call(() -> accounts.reveal(account.id(), "After disabling"));
            Thread.sleep(2000);
            deliver();
            assertEquals(calls, receiver.requests().size(), "disabled: nothing more");
            assertThrows(SubscriptionRefusedException.class, () -> client.call(() -> { clientNotifications.testMyWebhook(hook.id()); return null; }));
        }
    }

    @Test
    void a_public_webhook_confirms_through_its_signed_confirmation_event_then_hears_of_incidents() throws Exception {
        try (Receiver receiver = new Receiver(200)) {
            assertThrows(SubscriptionRefusedException.class,
                    () -> subscriptions.subscribeWebhookPublicly("http://hooks.example.org/x", SubscriptionScope.ALL, null));
            assertThrows(SubscriptionRefusedException.class,
                    () -> subscriptions.subscribeWebhookPublicly(receiver.url(), SubscriptionScope.TENANT, "842317653"));
            String secret = subscriptions.subscribeWebhookPublicly(receiver.url(), SubscriptionScope.ALL, null);
            assertTrue(secret.startsWith("whsec_"));
            assertEquals(null, subscriptions.subscribeWebhookPublicly(receiver.url(), SubscriptionScope.ALL, null), "asked twice: nothing more");
            Receiver.Request confirmation = awaitCall(receiver, "subscription.confirmation");
            assertTrue(verifies(secret, confirmation));
            Matcher token = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"").matcher(confirmation.body());
            assertTrue(token.find(), confirmation.body());
            assertTrue(confirmation.body().contains("/api/v1/public/status/subscriptions/confirm\""), confirmation.body());

            // not confirmed yet: an incident does not reach it
            long server = aServer();
            IncidentView before = support.call(() -> status.openIncident(new NewIncident("Avant confirmation " + UUID.randomUUID(),
                    IncidentImpact.MINOR, "Début.", Set.of(server))));
            deliver();
            deliver();
            assertEquals(1, receiver.requests().size(), "the confirmation only");

            String unsubscribe = subscriptions.confirm(token.group(1));
            String title = "Après confirmation " + UUID.randomUUID();
            support.call(() -> status.openIncident(new NewIncident(title, IncidentImpact.MINOR, "Début.", Set.of(server))));
            Receiver.Request incident = awaitCall(receiver, title);
            assertTrue(incident.body().contains("\"type\":\"incident.opened\""));
            assertTrue(verifies(secret, incident));
            support.call(() -> status.postUpdate(before.id(), IncidentState.RESOLVED, "Fin."));
            subscriptions.unsubscribe(unsubscribe);
        }
    }

    @Test
    void a_certificate_expiring_and_failing_compliance_remind_the_client_and_staff_once() throws Exception {
        TenantRecord tenant = support.call(() -> tenants.create(Companies.minimal("Rappels Conformité SARL", Ids.siren())));
        String siren = tenant.siren();
        String number = "TEST-" + siren;
        // what the compliance module would hold: a certificate ending in 5 days, a daily report with blocking rules
        try (java.sql.Connection c = dataSource.getConnection()) {
            try (java.sql.PreparedStatement insert = c.prepareStatement("insert into certificate_record (number, tenant_siren, sha256,"
                    + " issued_at, valid_until) values (?, ?, ?, ?, ?)")) {
                insert.setString(1, number);
                insert.setString(2, siren);
                insert.setString(3, "0".repeat(64));
                insert.setObject(4, java.time.OffsetDateTime.now().minusYears(1));
                insert.setObject(5, java.time.OffsetDateTime.now().plusDays(5));
                assertEquals(1, insert.executeUpdate());
            }
            try (java.sql.PreparedStatement insert = c.prepareStatement("insert into compliance_stored_report (tenant_siren, tenant_name,"
                    + " evaluated_at, outcome, outcome_rank, blocking_rules, obligation_rules, has_obligation)"
                    + " values (?, ?, ?, 'FAIL', 0, 'R1,R4', '', false)")) {
                insert.setString(1, siren);
                insert.setString(2, tenant.legalName());
                insert.setObject(3, java.time.OffsetDateTime.now());
                assertEquals(1, insert.executeUpdate());
            }
        }
        support.call(desk::remindNow);
        support.call(desk::remindNow); // a second pass (the timer's, another node's) sends nothing again
        deliver();
        List<CaughtMail> client = CaughtMail.to("helene@example.fr").stream().filter(m -> m.text().contains("Rappel pour " + siren)).toList();
        assertEquals(2, client.size(), "one reminder per certificate mark and one per failing set: " + client);
        CaughtMail certificate = client.stream().filter(m -> m.text().contains(number)).findFirst().orElseThrow();
        assertTrue(certificate.subject().contains("attestation de conformité qui expire (dans 7 jours ou moins)"), certificate.subject());
        assertTrue(certificate.text().contains("compliance certificate expiring"), certificate.text());
        CaughtMail failing = client.stream().filter(m -> m.text().contains("R1,R4")).findFirst().orElseThrow();
        assertTrue(failing.subject().contains("règles de conformité bloquantes"), failing.subject());
        List<CaughtMail> staff = CaughtMail.to("oncall@gestan.localhost").stream().filter(m -> m.subject().contains(siren)).toList();
        assertEquals(2, staff.size(), "staff told of both, once: " + staff);
    }

    @Test
    void a_client_choosing_the_daily_digest_gets_its_staff_accesses_in_one_message() throws Exception {
        clearSupportAccounts();
        TenantRecord demo = support.call(() -> tenants.findBySiren("842317653")).orElseThrow();
        String contact = support.call(() -> tenants.securityContact("842317653")).orElseThrow().email();
        assertFalse(client.call(clientNotifications::myStaffAccessDigest), "one notice per access by default");
        client.call(() -> clientNotifications.setMyStaffAccessDigest(true));
        try {
            assertTrue(client.call(clientNotifications::myStaffAccessDigest));
            String tag = UUID.randomUUID().toString().substring(0, 6);
            HostedAccountView first = cleared.call(() -> accounts.create(demo.id(), "Digest Un " + tag)).account();
            HostedAccountView second = cleared.call(() -> accounts.create(demo.id(), "Digest Deux " + tag)).account();
            cleared.call(() -> accounts.reveal(first.id(), "Digest one, ticket #1"));
            cleared.call(() -> accounts.reveal(second.id(), "Digest two, ticket #2"));
            deliver();
            assertTrue(CaughtMail.to(contact).stream().noneMatch(m -> m.text().contains(first.login()) || m.text().contains(second.login())),
                    "held for the digest, not sent one by one");
            assertEquals(2, support.call(() -> desk.recent(200)).stream().filter(d -> d.state() == DeliveryState.HELD
                    && d.target().equals(contact)).count(), "two notices held");
            // the accesses were yesterday (the digest of a day covers the notices held before it)
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement update = c.prepareStatement(
                    "update notification_delivery set created_at = created_at - interval '1' day where state = 'HELD' and tenant_ref = ?")) {
                update.setString(1, "842317653");
                assertTrue(update.executeUpdate() >= 2);
            }
            support.call(desk::remindNow);
            support.call(desk::remindNow); // once a day, whatever the passes and nodes
            List<CaughtMail> digests = List.of();
            for (long deadline = System.nanoTime() + 60_000_000_000L; digests.isEmpty() && System.nanoTime() < deadline; Thread.sleep(250)) {
                deliver();
                digests = CaughtMail.to(contact).stream().filter(m -> m.text().contains(first.login())).toList();
            }
            assertEquals(1, digests.size(), "one digest");
            CaughtMail digest = digests.get(0);
            assertTrue(digest.subject().contains("résumé quotidien"), digest.subject());
            assertTrue(digest.text().contains(second.login()) && digest.text().contains("Digest two, ticket #2"), digest.text());
            for (HostedAccountView account : List.of(first, second)) {
                Long position = auditor.call(() -> journal.ofTenant(demo.siren(), 0, 100)).stream()
                        .filter(e -> e.action().equals("SECRET_REVEALED") && e.target().equals(account.login())).findFirst().orElseThrow().seq();
                assertTrue(digest.text().contains("position " + position + " "), "position of " + account.login() + ": " + digest.text());
            }
            assertTrue(auditor.call(() -> journal.ofTenant("842317653", 0, 50)).stream().anyMatch(e -> e.action().equals("STAFF_ACCESS_DIGEST_ON")));
        } finally {
            client.call(() -> clientNotifications.setMyStaffAccessDigest(false));
        }
    }

    @jakarta.persistence.PersistenceUnit(unitName = "notifications")
    jakarta.persistence.EntityManagerFactory notificationsUnit;
    @jakarta.annotation.Resource
    jakarta.transaction.UserTransaction transaction;

    /**
     * Issue 19: behind a certificate batch thousands of deliveries are due at once, and the sender's round reads 50 of
     * them. Its query must stop at those 50 in the index's order: ordered by id as well, PostgreSQL read, joined and
     * sorted every due delivery at each round (docs/performance.md 4.46). Counted in the transaction's own statistics
     * (rows the table gave the query), the planner held to the index as on a large analyzed table; rolled back.
     */
    @Test
    void the_senders_round_reads_its_page_of_due_deliveries_not_the_whole_backlog() throws Exception {
        int backlog = 400;
        transaction.begin();
        try (java.sql.Connection c = dataSource.getConnection()) {
            try (java.sql.PreparedStatement insert = c.prepareStatement("insert into notification_delivery (message_id, kind, channel,"
                    + " target, subject, body_text, state, next_attempt_at, created_at) values (?, 'CERTIFICATE_ISSUED', 'EMAIL', ?,"
                    + " 'Nouvelle attestation', 'Bonjour', 'PENDING', localtimestamp - interval '1 hour', localtimestamp)")) {
                for (int i = 0; i < backlog; i++) { // one batch page's e-mails, all due at the same time
                    insert.setString(1, "msg_backlog_" + UUID.randomUUID().toString().replace("-", ""));
                    insert.setString(2, address("backlog"));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("set local enable_seqscan = off"); // as on a table of thousands of rows
                s.execute("set local enable_bitmapscan = off");
            }
            long before = rowsRead(c);
            jakarta.persistence.EntityManager em = notificationsUnit.createEntityManager();
            em.joinTransaction();
            List<?> page = em.createNamedQuery("Delivery.due").setParameter("now", java.time.Instant.now()).setMaxResults(50).getResultList();
            long read = rowsRead(c) - before;
            assertEquals(50, page.size());
            assertTrue(read >= 50, "counted on the query's own connection: " + read);
            assertTrue(read <= 60, "the round's query read " + read + " deliveries for its 50 (a backlog of " + backlog + " due)");
        } finally {
            transaction.rollback();
        }
    }

    /**
     * Rows of notification_delivery read in this transaction so far: the entries its indexes gave, and the rows of its
     * sequential scans.
     */
    private static long rowsRead(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("select"
                + " coalesce((select sum(pg_stat_get_xact_tuples_fetched(i.indexrelid)) from pg_index i"
                + " where i.indrelid = 'notification_delivery'::regclass), 0)"
                + " + pg_stat_get_xact_tuples_returned('notification_delivery'::regclass)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_server_sign_in_reported_by_the_agent_reaches_the_hosted_clients_security_contact() throws Exception {
        // the demo company is hosted on GC-PROD-01, whose agent reports with the demo token
        String contact = support.call(() -> tenants.securityContact("842317653")).orElseThrow().email();
        String account = "ops" + UUID.randomUUID().toString().substring(0, 6);
        java.time.Instant at = java.time.Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        agentEvents.receive("demo-monitoring-token-GC-PROD-01", List.of(new fr.gestan.cloud.hosting.api.AgentEvent("n-" + account,
                "server_access", Map.of("occurredAt", at.toString(), "account", account, "address", "203.0.113.9", "method", "ssh"))));
        List<CaughtMail> mails = List.of();
        for (long deadline = System.nanoTime() + 60_000_000_000L; mails.isEmpty() && System.nanoTime() < deadline; Thread.sleep(250)) {
            deliver();
            mails = CaughtMail.to(contact).stream().filter(m -> m.text().contains(account)).toList();
        }
        assertEquals(1, mails.size(), "one notice to the demo company's security contact");
        CaughtMail notice = mails.get(0);
        assertTrue(notice.subject().contains("connexion à un serveur qui vous héberge"), notice.subject());
        assertTrue(notice.text().contains("Qui : ? " + account + "@203.0.113.9"), notice.text());
        Long position = auditor.call(() -> journal.ofTenant("842317653", 0, 100)).stream()
                .filter(e -> e.action().equals("SERVER_ACCESS") && e.target().contains(account)).findFirst().orElseThrow().seq();
        assertTrue(notice.text().contains("position " + position + " "), notice.text());
    }

    /** Verifies the signature as the Standard Webhooks specification publishes it (independently of the product). */
    public static boolean verifies(String secret, Receiver.Request request) throws Exception {
        String id = request.headers().get("webhook-id");
        String timestamp = request.headers().get("webhook-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        return age < 300 && List.of(request.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    /** A small HTTP receiver on 127.0.0.1: records each request and answers the chosen status. */
    public static final class Receiver implements AutoCloseable {

        public record Request(Map<String, String> headers, String body) {
        }

        private final ServerSocket socket;
        private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
        private volatile int status;
        private final Thread thread;

        public Receiver(int status) throws IOException {
            this.status = status;
            this.socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
            this.thread = new Thread(this::serve, "webhook-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        public String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks/gestan";
        }

        void answer(int status) {
            this.status = status;
        }

        public List<Request> requests() {
            return List.copyOf(requests);
        }

        public Request single() {
            List<Request> all = requests();
            assertEquals(1, all.size(), "one call: " + all);
            return all.get(0);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    // Content-Length counts bytes: read the head as ASCII lines, then exactly that many bytes
                    java.io.InputStream in = client.getInputStream();
                    String requestLine = asciiLine(in);
                    assertNotNull(requestLine);
                    Map<String, String> headers = new HashMap<>();
                    for (String line = asciiLine(in); line != null && !line.isEmpty(); line = asciiLine(in)) {
                        int colon = line.indexOf(':');
                        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                    }
                    byte[] bytes = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                    requests.add(new Request(headers, new String(bytes, StandardCharsets.UTF_8)));
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 " + status + " Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static String asciiLine(java.io.InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    return line.toString().stripTrailing();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
