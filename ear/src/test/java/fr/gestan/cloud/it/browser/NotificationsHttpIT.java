package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.MailCatcher;
import fr.gestan.cloud.it.support.CaughtMail;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Public status subscriptions over HTTP against the real EAR, with the e-mails read from the tests' GreenMail:
 * subscribe, confirm through the e-mailed link's page, unsubscribe in one click (RFC 8058), a bad address refused
 * naming the field, and a flood refused with 429.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsHttpIT extends OnJourneyEar {

    static final String API = Http.HTTPS + "api/v1/public/status/subscriptions";
    private static final Pattern LINK = Pattern.compile("https://[^/\\s]+(/api/v1/public/status/subscriptions/(confirm|unsubscribe)\\?token=([A-Za-z0-9_-]+))");

    private static HttpResponse<String> subscribe(String email) throws Exception {
        return Http.post(API, "application/json", "{\"email\":\"" + email + "\",\"scope\":\"ALL\"}");
    }

    /** Waits for the sender (a round every 500 ms in the tests) to deliver at least {@code count} messages. */
    private static List<CaughtMail> await(String email, int count) throws InterruptedException {
        Supplier<List<CaughtMail>> mails = () -> MailCatcher.to(email);
        for (int i = 0; i < 600 && mails.get().size() < count; i++) {
            Thread.sleep(100);
        }
        return mails.get();
    }

    @Test
    @Order(1)
    void subscribe_confirm_through_the_page_then_unsubscribe_in_one_click() throws Exception {
        String email = "public-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> accepted = subscribe(email);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(202, subscribe(email).statusCode(), "asking again answers the same");
        // Another address asked after the duplicate: once its confirmation is out, the duplicate was handled too.
        String other = "public-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertEquals(202, subscribe(other).statusCode());
        assertEquals(1, await(other, 1).size());
        List<CaughtMail> confirmations = await(email, 1);
        assertEquals(1, confirmations.size(), "one confirmation for two requests");

        Matcher confirm = LINK.matcher(confirmations.get(0).text());
        assertTrue(confirm.find() && confirm.group(2).equals("confirm"), confirmations.get(0).text());
        HttpResponse<String> page = Http.get(Http.HTTPS + confirm.group(1).substring(1));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\" action=\"confirm\">"), page.body());
        HttpResponse<String> confirmed = Http.post(API + "/confirm", "application/x-www-form-urlencoded", "token=" + confirm.group(3));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("Abonnement confirmé") && confirmed.body().contains("Subscription confirmed"));
        assertEquals(404, Http.post(API + "/confirm", "application/x-www-form-urlencoded", "token=forged").statusCode());

        // The confirmation page offers the one-click link every message carries in List-Unsubscribe: a POST of
        // "List-Unsubscribe=One-Click" to it (RFC 8058), no sign-in; again is harmless.
        Matcher unsubscribe = Pattern.compile("action=\"(unsubscribe\\?token=[A-Za-z0-9_-]+)\"").matcher(confirmed.body());
        assertTrue(unsubscribe.find(), confirmed.body());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> done = Http.post(API + "/" + unsubscribe.group(1), "application/x-www-form-urlencoded",
                    "List-Unsubscribe=One-Click");
            assertEquals(200, done.statusCode(), done.body());
            assertTrue(done.body().contains("Désabonnement fait"), done.body());
        }
    }

    @Test
    @Order(2)
    void a_bad_address_is_a_400_naming_the_field() throws Exception {
        HttpResponse<String> refused = subscribe("not-an-address");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"email\""), refused.body());
        assertTrue(refused.body().contains("adresse e-mail n'est pas valide"), refused.body());
    }

    @Test
    @Order(3)
    void a_flood_of_subscriptions_from_one_address_is_refused_with_429() throws Exception {
        int status = 0;
        try {
            for (int i = 0; i < 12 && status != 429; i++) {
                status = subscribe("flood-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org").statusCode();
            }
            assertEquals(429, status);
        } finally {
            resetAllowance();
        }
    }

    /** Leaves the allowance as found: the suite's later subscriptions (the status page's form) come from this address. */
    private static void resetAllowance() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(System.getProperty("gestan.it.db.url"),
                System.getProperty("gestan.it.db.admin-user", System.getProperty("gestan.it.db.user")),
                System.getProperty("gestan.it.db.admin-password", System.getProperty("gestan.it.db.password")));
             java.sql.Statement statement = c.createStatement()) {
            statement.executeUpdate("delete from rate_limit_bucket where bucket_key like 'subscribe:%'");
        }
    }

    @Test
    @Order(4)
    void a_public_webhook_subscribes_over_the_api_gets_its_secret_once_and_confirms_from_the_signed_event() throws Exception {
        try (fr.gestan.cloud.it.modules.NotificationsIT.Receiver receiver = new fr.gestan.cloud.it.modules.NotificationsIT.Receiver(200)) {
            HttpResponse<String> refused = Http.post(API, "application/json", "{\"webhookUrl\":\"http://hooks.example.org/x\",\"scope\":\"ALL\"}");
            assertEquals(400, refused.statusCode(), refused.body());
            // the problem names the request's own field (it named the service's parameter "url" before)
            assertTrue(refused.body().contains("\"field\":\"webhookUrl\""), refused.body());

            String body = "{\"webhookUrl\":\"" + receiver.url() + "\",\"scope\":\"ALL\"}";
            HttpResponse<String> accepted = Http.post(API, "application/json", body);
            assertEquals(202, accepted.statusCode(), accepted.body());
            Matcher secret = Pattern.compile("\"secret\":\"(whsec_[A-Za-z0-9+/=]+)\"").matcher(accepted.body());
            assertTrue(secret.find(), accepted.body());
            HttpResponse<String> again = Http.post(API, "application/json", body);
            assertEquals(202, again.statusCode());
            assertTrue(!again.body().contains("secret"), "the secret is shown once: " + again.body());

            fr.gestan.cloud.it.modules.NotificationsIT.Receiver.Request confirmation = null;
            for (int i = 0; i < 600 && confirmation == null; i++) {
                confirmation = receiver.requests().stream().filter(r -> r.body().contains("subscription.confirmation")).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertTrue(confirmation != null, "the confirmation event reached the receiver");
            assertTrue(fr.gestan.cloud.it.modules.NotificationsIT.verifies(secret.group(1), confirmation), confirmation.headers().toString());
            Matcher token = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"").matcher(confirmation.body());
            assertTrue(token.find(), confirmation.body());
            HttpResponse<String> confirmed = Http.post(API + "/confirm", "application/x-www-form-urlencoded", "token=" + token.group(1));
            assertEquals(200, confirmed.statusCode(), confirmed.body());
            Matcher unsubscribe = Pattern.compile("action=\"(unsubscribe\\?token=[A-Za-z0-9_-]+)\"").matcher(confirmed.body());
            assertTrue(unsubscribe.find(), confirmed.body());
            assertEquals(200, Http.post(API + "/" + unsubscribe.group(1), "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode());
        } finally {
            resetAllowance();
        }
    }
}
