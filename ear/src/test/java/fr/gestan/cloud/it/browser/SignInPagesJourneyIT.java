package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.env.MailCatcher;
import fr.gestan.cloud.it.env.TestEnvironment;
import fr.gestan.cloud.it.support.CaughtMail;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 21 item 7: Keycloak's sign-in pages wear the site's brand (the Gestan login theme, French first, the site's
 * colours, its name as a link home), offer "forgot password" by e-mail, and are served over HTTPS only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInPagesJourneyIT extends BrowserJourney {

    private static final String BRAND_RGB = "rgba(29, 63, 114, 1)"; // #1d3f72, gestan.css --brand, as Selenium reports colours

    @Test
    void the_sign_in_page_wears_the_site_brand_in_french_and_leads_back_home() throws Exception {
        browser.forgetAllSessions();
        browser.open(Http.HTTPS + "portal/index.xhtml");
        browser.find(By.id("username"));
        assertTrue(browser.url().startsWith(KeycloakFixture.baseUrl() + "/realms/gestan/"), browser.url());
        assertEquals("fr", browser.find(By.tagName("html")).getDomAttribute("lang"));

        WebElement home = browser.find(By.id("gestan-home"));
        assertEquals("Gestan Cloud", home.getText());
        assertEquals(Http.HTTPS, home.getDomProperty("href"), "the name leads to this site's home page");
        assertEquals(BRAND_RGB, browser.find(By.id("kc-header")).getCssValue("background-color"), "the site's brand colour");
        assertEquals(BRAND_RGB, browser.find(By.id("kc-login")).getCssValue("background-color"), "the site's button colour");
        // Keycloak's French text puts a no-break space before "?"
        assertEquals("Mot de passe oublié ?", browser.find(By.cssSelector("a[href*='reset-credentials']")).getText()
                .replace('\u00a0', ' ').replace('\u202f', ' '));
        assertEquals("Retour au site Gestan Cloud", browser.find(By.id("gestan-back-home")).getText());
        browser.screenshot("signin-01-gestan-theme-fr");

        // English second: the same page through Keycloak's language menu.
        WebElement english = browser.find(By.xpath("//select[@id='login-select-toggle']/option[contains(@value,'kc_locale=en')]"));
        String englishUrl = english.getDomAttribute("value"); // relative to Keycloak
        browser.open(englishUrl.startsWith("/") ? KeycloakFixture.baseUrl() + englishUrl : englishUrl);
        browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals("Back to the Gestan Cloud site", browser.find(By.id("gestan-back-home")).getText());
        assertEquals("Forgot Password?", browser.find(By.cssSelector("a[href*='reset-credentials']")).getText());
        browser.screenshot("signin-02-gestan-theme-en");

        // Over plain HTTP Keycloak serves no password field (the realm requires HTTPS); the same request over HTTPS does.
        String auth = "/realms/gestan/protocol/openid-connect/auth?client_id=gestan-web&response_type=code&scope=openid&redirect_uri="
                + java.net.URLEncoder.encode(Http.HTTPS + "portal/", java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + TestEnvironment.KEYCLOAK_HTTP_PORT + auth)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertFalse(plain.body().contains("id=\"password\""), plain.body());
        assertTrue(plain.statusCode() == 400 && plain.body().contains("HTTPS"), plain.statusCode() + " " + plain.body());
        java.net.http.HttpResponse<String> secure = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(KeycloakFixture.baseUrl() + auth)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(secure.statusCode() == 200 && secure.body().contains("id=\"password\""), secure.statusCode() + " " + secure.body());

        browser.find(By.id("gestan-back-home")).click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS) ? Boolean.TRUE : null);
        assertTrue(browser.driver().findElements(By.id("password")).isEmpty(), "back on the site, not on a sign-in form");
    }

    @Test
    void a_forgotten_password_is_reset_through_the_link_mailed_by_keycloak() throws Exception {
        String user = "oubli." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String email = user + "@gestan.example";
        KeycloakFixture.createUser(user, "Ancien-Secret-2026!", "client");
        // The tests' Keycloak starts without SMTP (invitations then hand over temporary passwords): this test gives
        // it the suite's GreenMail, as the realm file gives run.sh's.
        KeycloakFixture.updateRealm("{\"smtpServer\":{\"host\":\"127.0.0.1\",\"port\":\"" + MailCatcher.SMTP_PORT
                + "\",\"from\":\"notifications@gestan.localhost\",\"fromDisplayName\":\"Gestan Cloud\"}}");
        try {
            browser.forgetAllSessions();
            browser.open(Http.HTTPS + "portal/index.xhtml");
            browser.find(By.cssSelector("a[href*='reset-credentials']")).click();
            browser.find(By.id("kc-reset-password-form"));
            browser.find(By.id("username")).sendKeys(email);
            browser.find(By.cssSelector("#kc-reset-password-form [type=submit]")).click();
            browser.waitUntil(d -> d.getPageSource().contains("Vous devriez recevoir rapidement un courriel") ? Boolean.TRUE : null);
            browser.screenshot("signin-03-reset-mail-sent");

            CaughtMail mail = awaitMail(email);
            assertEquals("Réinitialiser le mot de passe", mail.subject(), "in French, the realm's default language");
            Matcher link = Pattern.compile("(https?://\\S+/login-actions/action-token\\S+)").matcher(mail.text());
            assertTrue(link.find(), mail.text());
            assertTrue(link.group(1).startsWith(KeycloakFixture.baseUrl() + "/realms/gestan/"), "a link to Keycloak: " + link.group(1));

            browser.open(link.group(1));
            browser.waitUntil(d -> !d.findElements(By.id("password-new")).isEmpty()
                    || !d.findElements(By.cssSelector("a[href*='login-actions']")).isEmpty());
            if (browser.driver().findElements(By.id("password-new")).isEmpty()) {
                browser.find(By.cssSelector("a[href*='login-actions']")).click();
            }
            browser.find(By.id("password-new")).sendKeys("Nouveau-Secret-2026!");
            browser.find(By.id("password-confirm")).sendKeys("Nouveau-Secret-2026!");
            browser.screenshot("signin-04-reset-new-password");
            browser.find(By.cssSelector("[type=submit]")).click();
            // Keycloak signs the user in and sends the browser back to the page it asked for.
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS) ? Boolean.TRUE : null);
        } finally {
            KeycloakFixture.updateRealm("{\"smtpServer\":{}}");
        }
        assertFalse(KeycloakFixture.passwordGrant(user, "Ancien-Secret-2026!").ok(), "the former password no longer works");
        assertTrue(KeycloakFixture.passwordGrant(user, "Nouveau-Secret-2026!").ok(), "the new password signs in");
    }

    private static CaughtMail awaitMail(String address) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            List<CaughtMail> caught = MailCatcher.to(address);
            if (!caught.isEmpty()) {
                return caught.get(caught.size() - 1);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no e-mail to " + address + " within 60 s");
    }
}
