package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.support.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The foundation's user journeys in Chromium against the real EAR and a running Keycloak, plus the REST API
 * with and without bearer tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

    private static final String REALM_PATH = "/realms/gestan/";
    private static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.fullEar();
    }

    @ArquillianResource
    URL deployed;

    /** Keycloak's redirect URIs name localhost, not 127.0.0.1. */
    private String base;

    @BeforeAll
    static void startBrowser() throws Exception {
        KeycloakFixture.awaitReady();
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void base() {
        base = "http://localhost:" + deployed.getPort() + "/";
    }

    @Test
    @Order(1)
    void an_anonymous_visit_to_the_portal_lands_on_keycloak_sign_in() throws Exception {
        browser.open(base + "portal/");
        browser.find(By.id("username"));
        assertTrue(browser.url().contains(REALM_PATH), browser.url());
        browser.screenshot("01-keycloak-sign-in");
    }

    @Test
    @Order(2)
    void a_client_signs_in_and_sees_its_company() throws Exception {
        signIn("client.demo", "Gestan-Client-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "portal/"));
        assertEquals("Boulangerie Martin SARL", browser.find(By.id("company-name")).getText());
        assertEquals("client.demo", browser.find(By.id("identity")).getText());
        browser.screenshot("02-portal-home-fr");
    }

    @Test
    @Order(3)
    void the_client_gets_a_403_page_on_the_back_office() throws Exception {
        browser.open(base + "admin/");
        assertEquals("Accès refusé", browser.find(By.id("error-title")).getText());
        browser.screenshot("03-admin-forbidden-fr");
    }

    @Test
    @Order(4)
    void an_ajax_request_after_the_session_expired_brings_the_user_to_sign_in() {
        browser.open(base + "portal/");
        browser.find(By.id("company-name"));
        browser.forgetAllSessions(); // the application's and Keycloak's sessions have expired
        browser.find(By.id("session-check:refresh")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains(REALM_PATH));
        browser.find(By.id("username"));
    }

    @Test
    @Order(5)
    void logout_ends_the_session() throws Exception {
        signIn("client.demo", "Gestan-Client-2026!");
        browser.find(By.id("company-name"));
        browser.find(By.id("logout")).click();
        browser.waitUntil(d -> d.getCurrentUrl().equals(base));
        browser.open(base + "portal/");
        browser.find(By.id("username"));
        assertTrue(browser.url().contains(REALM_PATH), "signing in again is required: " + browser.url());
    }

    @Test
    @Order(6)
    void a_support_member_signs_in_and_sees_the_back_office() throws Exception {
        browser.open(base + "admin/");
        signIn("support.demo", "Gestan-Support-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "admin/"));
        assertEquals("Back-office", browser.find(By.tagName("h1")).getText());
        assertTrue(Integer.parseInt(browser.find(By.id("tenant-count")).getText()) >= 4);
        assertTrue(browser.find(By.id("datacentres")).getText().contains("DC3 · Vitry-sur-Seine"));
        browser.screenshot("04-back-office-home-fr");
        browser.find(By.id("logout")).click();
        browser.waitUntil(d -> d.getCurrentUrl().equals(base));
    }

    @Test
    @Order(7)
    void the_public_pages_speak_french_then_english() throws Exception {
        browser.open(base);
        assertEquals("Votre ERP hébergé en France, en toute confiance", browser.find(By.tagName("h1")).getText());
        browser.screenshot("05-home-fr");
        browser.find(By.id("lang:en")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Your ERP hosted in France, with proof"));
        browser.screenshot("06-home-en");
        browser.find(By.id("lang:fr")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().startsWith("Votre ERP"));
    }

    @Test
    @Order(8)
    void repeated_wrong_passwords_lock_the_account_without_saying_so() throws Exception {
        browser.forgetAllSessions();
        browser.open(base + "portal/");
        String wrongPasswordMessage = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn("lockout.demo", "Wrong-Password-" + attempt + "!");
            String message = loginError();
            assertNotEquals("", message);
            wrongPasswordMessage = message;
        }
        signIn("lockout.demo", "Gestan-Lockout-2026!");
        assertTrue(browser.url().contains(REALM_PATH), "a locked account must not get in: " + browser.url());
        assertEquals(wrongPasswordMessage, loginError(), "the lockout is not revealed");
        assertTrue(KeycloakFixture.isLocked("lockout.demo"), "Keycloak's attack detection holds the account");
        browser.screenshot("07-locked-out-sign-in");
        KeycloakFixture.unlock("lockout.demo");
    }

    @Test
    @Order(9)
    void the_api_answers_401_in_json_without_a_token() throws Exception {
        HttpResponse<String> response = get("api/v1/me", null);
        assertEquals(401, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("{\"status\":401,\"error\":\"unauthorized\"}", response.body());
    }

    @Test
    @Order(10)
    void the_api_accepts_a_keycloak_bearer_token_and_enforces_roles() throws Exception {
        String support = KeycloakFixture.accessToken("support.demo", "Gestan-Support-2026!");
        HttpResponse<String> me = get("api/v1/me", support);
        assertEquals(200, me.statusCode(), me::body);
        assertTrue(me.body().contains("\"username\":\"support.demo\""), me.body());
        assertTrue(me.body().contains("\"support\""), me.body());

        HttpResponse<String> tenants = get("api/v1/tenants?max=5", support);
        assertEquals(200, tenants.statusCode(), tenants::body);
        assertTrue(tenants.body().contains("\"siren\""), tenants.body());

        String client = KeycloakFixture.accessToken("client.demo", "Gestan-Client-2026!");
        HttpResponse<String> refused = get("api/v1/tenants", client);
        assertEquals(403, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("\"status\":403"), refused.body());
    }

    @Test
    @Order(11)
    void the_public_status_and_verification_pages_answer_at_their_short_urls() throws Exception {
        browser.forgetAllSessions();
        browser.open(base + "status");
        assertEquals("État des serveurs", browser.find(By.tagName("h1")).getText());
        browser.open(base + "verify");
        assertEquals("Vérifier une attestation", browser.find(By.tagName("h1")).getText());
        browser.find(By.id("verify:number")).sendKeys("GC-1999-999999");
        browser.find(By.id("verify:submit")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Aucune attestation ne porte ce numéro."));
        assertTrue(browser.url().startsWith(base + "verify"), "an anonymous visitor stays on the public page: " + browser.url());
        browser.screenshot("08-verify-unknown-fr");
    }

    private void signIn(String username, String password) {
        browser.find(By.id("username")).clear();
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(password);
        browser.find(By.id("kc-login")).click();
    }

    private String loginError() {
        return browser.find(By.xpath("//*[starts-with(@id,'input-error')]")).getText().strip();
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
