package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sign-in settings of the security policy (idle and longest session, password length and history) move together:
 * an administrator adds a version, and the Keycloak realm (read from this JVM through Keycloak's own admin API),
 * Keycloak's refusal of a too short password, the idle timeout of a new web session and the /trust page all carry the
 * new values, then the former ones again. /trust prints the transport settings read from the running server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInPolicyIT extends OnJourneyEar {

    private static final String FIXTURE = Http.HTTPS + "it/sign-in-fixture";

    @Test
    void a_policy_change_reaches_keycloak_the_web_sessions_and_the_trust_page() throws Exception {
        KeycloakFixture.awaitReady();
        String user = "signin.policy." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        KeycloakFixture.createUser(user, "Initial-Pass-2026!x", "client");

        HttpResponse<String> changed = Http.get(FIXTURE + "?change=25,9,13,4");
        assertEquals(200, changed.statusCode(), changed::body);
        String[] former = changed.body().split(",");
        try {
            String realm = awaitRealmIdle(25 * 60);
            assertEquals("32400", KeycloakFixture.realmSetting(realm, "ssoSessionMaxLifespan"), realm);
            String passwords = KeycloakFixture.realmSetting(realm, "passwordPolicy");
            assertTrue(passwords.contains("length(13)") && passwords.contains("passwordHistory(4)"), passwords);
            assertEquals(400, KeycloakFixture.setPassword(user, "Abcdefgh12!x"), "12 characters: Keycloak refuses it under the new policy");

            assertEquals("1500", Http.get(FIXTURE + "?session").body(), "a new web session closes after 25 idle minutes");

            String trust = Http.get(Http.HTTPS + "trust").body();
            assertTrue(trust.contains("les sessions inactives sont fermées après 25 minutes, et toute session après 9 heures"), trust);
            assertTrue(trust.contains("au moins 13 caractères") && trust.contains("des 4 derniers mots de passe"), trust);
            // "TLS required" as it runs: the HTTPS-only handler and HSTS of this server, read at start
            assertTrue(trust.contains("une page demandée en HTTP est redirigée vers HTTPS"), trust);
            assertTrue(trust.contains("pendant 730 jours (HSTS)"), trust);
            assertTrue(trust.contains("Relevé dans la configuration du serveur en fonctionnement"), trust);
        } finally {
            Http.get(FIXTURE + "?change=" + String.join(",", former));
        }
        String back = awaitRealmIdle(Integer.parseInt(former[0]) * 60);
        assertEquals(Integer.toString(Integer.parseInt(former[1]) * 3600), KeycloakFixture.realmSetting(back, "ssoSessionMaxLifespan"));
        assertTrue(KeycloakFixture.realmSetting(back, "passwordPolicy").contains("length(" + former[2] + ")"), back);
        assertEquals(Integer.toString(Integer.parseInt(former[0]) * 60), Http.get(FIXTURE + "?session").body());
    }

    /** The realm once its SSO idle timeout is {@code seconds}: the push follows the version's commit (a timer), within seconds. */
    private static String awaitRealmIdle(int seconds) throws InterruptedException {
        String realm = KeycloakFixture.realmJson();
        for (int i = 0; i < 60 && !Integer.toString(seconds).equals(KeycloakFixture.realmSetting(realm, "ssoSessionIdleTimeout")); i++) {
            Thread.sleep(500);
            realm = KeycloakFixture.realmJson();
        }
        assertEquals(Integer.toString(seconds), KeycloakFixture.realmSetting(realm, "ssoSessionIdleTimeout"), realm);
        return realm;
    }
}
