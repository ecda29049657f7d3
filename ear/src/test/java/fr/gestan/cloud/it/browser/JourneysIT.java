package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The main journeys of each audience (anonymous visitor, client, support, admin, auditor) in Chromium over HTTPS,
 * in French and in English, against the real EAR and a running Keycloak, with a screenshot of each main page in
 * target/screenshots; plus the REST API with and without bearer tokens on HTTPS, refused on plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT extends BrowserJourney {

    private static final String REALM_PATH = "/realms/gestan/";
    /** Browsers use HTTPS only; Keycloak's redirect URIs name localhost, not 127.0.0.1. */
    private static final String BASE = Http.HTTPS;

    // ------------------------------------------------------------------ anonymous visitor

    @Test
    @Order(1)
    void an_anonymous_visit_to_the_portal_over_http_goes_to_https_then_to_keycloak_sign_in() throws Exception {
        browser.open(Http.HTTP + "portal/");
        browser.find(By.id("username"));
        assertTrue(browser.url().contains(REALM_PATH), browser.url());
        assertTrue(browser.url().contains("redirect_uri=https%3A%2F%2Flocalhost%3A"), "signs in for the HTTPS site: " + browser.url());
        browser.screenshot("01-keycloak-sign-in");
    }

    @Test
    @Order(2)
    void the_public_pages_speak_french_then_english_and_remember_it() throws Exception {
        browser.open(BASE);
        assertEquals("Votre ERP hébergé en France, en toute confiance", browser.find(By.tagName("h1")).getText());
        assertEquals("fr", browser.find(By.tagName("html")).getAttribute("lang"));
        browser.screenshot("10-public-home-fr");
        browser.open(BASE + "verify.xhtml");
        assertEquals("Vérifier une attestation", browser.find(By.tagName("h1")).getText());
        browser.screenshot("11-public-verify-fr");
        browser.open(BASE + "no-such-page.xhtml");
        assertEquals("Page introuvable", browser.find(By.id("error-title")).getText());
        browser.screenshot("12-error-404-fr");

        browser.open(BASE);
        browser.find(By.id("lang-en")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Your ERP hosted in France, with proof"));
        assertEquals("en", browser.find(By.tagName("html")).getAttribute("lang"));
        browser.screenshot("10-public-home-en");
        browser.open(BASE + "verify.xhtml");
        assertEquals("Verify a certificate", browser.find(By.tagName("h1")).getText(), "the choice is remembered");
        browser.screenshot("11-public-verify-en");
        browser.open(BASE + "no-such-page.xhtml");
        assertEquals("Page not found", browser.find(By.id("error-title")).getText());
        browser.screenshot("12-error-404-en");

        browser.phone(true);
        browser.open(BASE);
        browser.find(By.tagName("h1"));
        browser.screenshot("13-public-home-phone-en");
        browser.phone(false);

        browser.find(By.id("lang-fr")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().startsWith("Votre ERP"));
    }

    // ------------------------------------------------------------------ client

    @Test
    @Order(3)
    void a_client_signs_in_and_sees_its_company() throws Exception {
        browser.open(BASE);
        browser.find(By.id("signin-cta")).click();
        signIn("client.demo", "Gestan-Client-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(BASE + "portal/"));
        assertEquals("Mon espace client", browser.find(By.tagName("h1")).getText());
        assertEquals("Boulangerie Martin SARL", browser.find(By.id("company-name")).getText());
        assertEquals("Boulangerie Martin SARL", browser.find(By.id("tenant-name")).getText(), "the tenant in the header");
        assertEquals("client.demo", browser.find(By.id("identity")).getText());
        assertEquals("actif", browser.find(By.id("company-state")).getText());
        assertTrue(browser.find(By.id("tile-my-servers")).getText().contains("GC-PROD-01"), "its servers' status on the dashboard");
        browser.find(By.id("tile-my-journal"));
        assertTrue(browser.find(By.cssSelector(".tile-recovery-estimate")).getText().matches("\\d+ h( \\d{2} min)?|\\d+ min"),
                "its estimated recovery time on the dashboard");
        browser.screenshot("20-portal-home-fr");
        // "Actualiser" reads the tiles again: a plain link to the dashboard, which is written anew
        org.openqa.selenium.WebElement servers = browser.find(By.id("tile-my-servers"));
        assertEquals(0, browser.driver().findElements(By.tagName("form")).stream()
                .filter(f -> !"inline".equals(f.getAttribute("class"))).count(), "no form on the dashboard but the sign-out's");
        browser.find(By.id("refresh")).click();
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(servers)::apply);
        assertTrue(browser.find(By.id("tile-my-servers")).getText().contains("GC-PROD-01"), "the servers' tile again after the refresh");
        browser.phone(true);
        browser.open(BASE + "portal/");
        browser.find(By.id("company-name"));
        browser.screenshot("20-portal-home-phone-fr");
        browser.phone(false);
    }

    @Test
    @Order(4)
    void the_client_gets_a_403_page_on_the_back_office() throws Exception {
        browser.open(BASE + "admin/");
        assertEquals("Accès refusé", browser.find(By.id("error-title")).getText());
        assertFalse(browser.find(By.id("main")).getText().contains("Exception"), "no stack trace");
        browser.screenshot("21-error-403-fr");
    }

    @Test
    @Order(5)
    void an_ajax_request_after_the_session_expired_explains_it_and_leads_to_sign_in() throws Exception {
        // the export page's button (the dashboard has none): refused with the session, before its action runs
        browser.open(BASE + "portal/tenants/export");
        browser.waitUntil(d -> d.findElement(By.id("export:start")).isEnabled()); // no export of the company running
        browser.forgetAllSessions(); // the application's and Keycloak's sessions have expired
        browser.find(By.id("export:start")).click();
        browser.waitUntil(d -> d.findElement(By.id("error-title")).getText().equals("Votre session a expiré"));
        browser.screenshot("22-session-expired-fr");
        browser.find(By.id("continue")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains(REALM_PATH));
        browser.find(By.id("username"));
        signIn("client.demo", "Gestan-Client-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(BASE + "portal/tenants/export"));
        browser.find(By.id("export:start")); // back on the page where the session had expired
    }

    @Test
    @Order(6)
    void logout_ends_the_session() throws Exception {
        signOut();
        browser.open(BASE + "portal/");
        browser.find(By.id("username"));
        assertTrue(browser.url().contains(REALM_PATH), "signing in again is required: " + browser.url());
    }

    @Test
    @Order(7)
    void a_client_who_chose_english_gets_the_portal_in_english() throws Exception {
        browser.open(BASE);
        browser.find(By.id("lang-en")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().startsWith("Your ERP"));
        browser.find(By.id("signin-cta")).click();
        signIn("client.demo", "Gestan-Client-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(BASE + "portal/"));
        assertEquals("My client area", browser.find(By.tagName("h1")).getText());
        assertEquals("active", browser.find(By.id("company-state")).getText());
        browser.screenshot("20-portal-home-en");
        browser.open(BASE + "admin/");
        assertEquals("Access denied", browser.find(By.id("error-title")).getText());
        browser.screenshot("21-error-403-en");
        logout();
    }

    // ------------------------------------------------------------------ staff

    @Test
    @Order(8)
    void a_support_member_sees_the_back_office_without_the_journal_in_english_and_french() throws Exception {
        signInStaff("support.demo", "Gestan-Support-2026!");
        assertEquals("Back office", browser.find(By.tagName("h1")).getText());
        assertEquals("Support", browser.find(By.id("identity-role")).getText());
        assertTrue(Integer.parseInt(browser.find(By.id("tenant-count")).getText().replaceAll("\\D", "")) >= 4);
        assertTrue(browser.find(By.id("datacentres")).getText().contains("DC3 · Vitry-sur-Seine"));
        assertTrue(browser.driver().findElements(By.id("journal-tile")).isEmpty(), "support does not read the journal");
        browser.screenshot("30-back-office-support-en");
        switchTo("fr");
        assertEquals("Back-office", browser.find(By.tagName("h1")).getText());
        browser.screenshot("30-back-office-support-fr");
        logout();
    }

    @Test
    @Order(9)
    void an_admin_sees_the_back_office_with_the_latest_journal_entries() throws Exception {
        String journal = journalTileOf("admin.demo", "Gestan-Admin-2026!", "Administrateur");
        assertTrue(journal.contains("Dernières entrées du journal des accès"), journal);
        String capacity = browser.find(By.id("capacity")).getText();
        assertTrue(capacity.contains("GC-PROD-01") && capacity.contains("contrats en cours sur une capacité de 100"), "tenants per server against capacity: " + capacity);
        browser.find(By.id("open-incident-count"));
        assertTrue(Integer.parseInt(browser.find(By.id("locked-count")).getText()) >= 0, "Keycloak's lockouts on the dashboard");
        browser.screenshot("31-back-office-admin-fr");
        switchTo("en");
        assertTrue(browser.find(By.id("journal-tile")).getText().contains("Latest access-journal entries"));
        assertEquals("Administrator", browser.find(By.id("identity-role")).getText());
        browser.screenshot("31-back-office-admin-en");
        switchTo("fr");
        logout();
    }

    @Test
    @Order(10)
    void an_auditor_sees_the_back_office_with_the_journal() throws Exception {
        String journal = journalTileOf("auditor.demo", "Gestan-Audit-2026!", "Auditeur");
        assertTrue(journal.contains("Acteur") && journal.contains("Résultat"), journal);
        browser.screenshot("32-back-office-auditor-fr");
        switchTo("en");
        assertEquals("Auditor", browser.find(By.id("identity-role")).getText());
        browser.screenshot("32-back-office-auditor-en");
        switchTo("fr");
        logout();
    }

    @Test
    @Order(11)
    void repeated_wrong_passwords_lock_the_account_without_saying_so() throws Exception {
        browser.forgetAllSessions();
        browser.open(BASE + "portal/");
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

    // ------------------------------------------------------------------ REST API

    @Test
    @Order(12)
    void the_api_answers_401_in_json_without_a_token_on_https_and_refuses_plain_http() throws Exception {
        HttpResponse<String> response = Http.get(Http.HTTPS + "api/v1/me", "Accept", "application/json");
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("{\"status\":401,\"error\":\"unauthorized\"}", response.body());
        HttpResponse<String> clear = Http.get(Http.HTTP + "api/v1/me", "Accept", "application/json");
        assertEquals(403, clear.statusCode(), clear.body());
        assertTrue(clear.body().contains("\"https\":\"" + Http.HTTPS + "api/v1/me\""), clear.body());
    }

    @Test
    @Order(13)
    void the_api_accepts_a_keycloak_bearer_token_and_enforces_roles() throws Exception {
        String support = KeycloakFixture.accessToken("support.demo", "Gestan-Support-2026!");
        HttpResponse<String> me = Http.get(Http.HTTPS + "api/v1/me", "Accept", "application/json", "Authorization", "Bearer " + support);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"support.demo\""), me.body());
        assertTrue(me.body().contains("\"support\""), me.body());
        // Over plain HTTP the token is not used: no data, a problem pointing to HTTPS.
        HttpResponse<String> clear = Http.get(Http.HTTP + "api/v1/me", "Accept", "application/json", "Authorization", "Bearer " + support);
        assertEquals(403, clear.statusCode(), clear.body());
        assertTrue(clear.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), clear.headers().map().toString());
        assertFalse(clear.body().contains("support.demo"), clear.body());
        HttpResponse<String> tenants = Http.get(BASE + "api/v1/tenants?max=5", "Authorization", "Bearer " + support);
        assertEquals(200, tenants.statusCode(), tenants::body);
        assertTrue(tenants.body().contains("\"siren\""), tenants.body());

        String client = KeycloakFixture.accessToken("client.demo", "Gestan-Client-2026!");
        HttpResponse<String> refused = Http.get(BASE + "api/v1/tenants", "Authorization", "Bearer " + client);
        assertEquals(403, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("\"status\":403"), refused.body());
    }

    // ------------------------------------------------------------------ helpers

    @Test
    @Order(14)
    void the_public_status_and_verification_pages_answer_at_their_short_urls() throws Exception {
        browser.forgetAllSessions();
        browser.open(BASE + "status");
        assertEquals("État des serveurs", browser.find(By.tagName("h1")).getText());
        browser.open(BASE + "verify");
        assertEquals("Vérifier une attestation", browser.find(By.tagName("h1")).getText());
        browser.find(By.id("number")).sendKeys("GC-1999-999999");
        browser.find(By.id("submit")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Aucune attestation ne porte ce numéro."));
        assertTrue(browser.url().startsWith(BASE + "verify"), "an anonymous visitor stays on the public page: " + browser.url());
        browser.screenshot("14-verify-unknown-fr");
    }

    private void signInStaff(String username, String password) {
        browser.open(BASE + "admin/");
        signIn(username, password);
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(BASE + "admin/"));
        browser.find(By.id("tiles"));
    }

    /** Signs a journal reader in, checks the role the header names ({@code role}, in French) and reads the journal tile. */
    private String journalTileOf(String username, String password, String role) {
        signInStaff(username, password);
        assertEquals(role, browser.find(By.id("identity-role")).getText());
        return browser.find(By.id("journal-tile")).getText();
    }

    /** Clicks the language switch of the header (present only for the other language). */
    private void switchTo(String language) {
        String before = browser.find(By.tagName("html")).getAttribute("lang");
        if (!before.equals(language)) {
            browser.find(By.id("lang-" + language)).click();
            browser.waitUntil(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals(language));
        }
    }

    private void logout() {
        signOut();
    }

    /** Keycloak's error under the form; read again if the page re-renders it meanwhile. */
    private String loginError() {
        return browser.waitUntil(d -> {
            try {
                return d.findElement(By.xpath("//*[starts-with(@id,'input-error')]")).getText().strip();
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }
}
