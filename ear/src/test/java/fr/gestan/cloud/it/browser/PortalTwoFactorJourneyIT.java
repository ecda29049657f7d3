package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.browser.Http.API;
import static fr.gestan.cloud.it.env.DemoTenants.CLIENT_SIREN;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.env.Totp;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Issue 18 item 1: a client contact turns two-factor sign-in on for a portal user of its company; the user enrols an
 * authenticator at its next sign-in, then gives a code at every sign-in (browser and password grant). Staff must have a
 * second factor: a TOTP code, enrolled at their first sign-in, or a security key (WebAuthn, here Chromium's virtual
 * authenticator) instead.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalTwoFactorJourneyIT extends BrowserJourney {

    static final String PAGE = "portal/tenants/users.xhtml";

    @Test
    void a_client_turns_on_two_factor_for_its_user_who_enrols_then_gives_a_code_at_every_sign_in() throws Exception {
        String support = KeycloakFixture.supportBearer();
        long ownId = Long.parseLong(match("\"id\":(\\d+),\"legalName\":\"[^\"]*\",\"siren\":\"" + CLIENT_SIREN + "\"",
                Http.get(API + "tenants?q=" + CLIENT_SIREN, "Authorization", support).body()));
        String email = "deux.facteurs." + System.nanoTime() % 1_000_000 + "@boulangerie-martin.example";
        HttpResponse<String> invited = Http.send("POST", API + "tenants/" + ownId + "/portal-users",
                "{\"email\":\"" + email + "\",\"firstName\":\"Tess\",\"lastName\":\"Deux\"}", "Authorization", support);
        assertEquals(201, invited.statusCode(), invited.body());
        String temporary = match("\"temporaryPassword\":\"([^\"]+)\"", invited.body());

        // The company's contact turns it on.
        signInAt(PAGE, "client.demo", "Gestan-Client-2026!");
        String row = "//tr[.//code[text()='" + email + "']]";
        browser.find(By.xpath(row + "//*[contains(@class,'twofactor-off')]"));
        browser.find(By.xpath(row + "//button[contains(@class,'require-twofactor')]")).click();
        browser.find(By.xpath(row + "//*[contains(@class,'twofactor-pending')]"));
        assertTrue(KeycloakFixture.userJson(email).contains("CONFIGURE_TOTP"), "Keycloak's required action is set");

        // The user's next sign-in: chooses its password and enrols an authenticator (in Keycloak's order).
        String password = "Deux-Facteurs-2026!";
        browser.forgetAllSessions();
        browser.open(Http.HTTPS + "portal/index.xhtml");
        signIn(email, temporary);
        completeFirstSignIn(email, password, "portal");

        // From now on: the password alone is not enough, with the code it is (browser and password grant).
        assertFalse(KeycloakFixture.passwordGrant(email, password, null).ok(), "a password alone is refused");
        assertTrue(KeycloakFixture.passwordGrant(email, password).ok(), "with a code it is accepted");
        signInAt("portal/index.xhtml", email, password);
        assertTrue(browser.url().startsWith(Http.HTTPS + "portal"));

        // The contact sees it enrolled, and the journal has the change.
        signInAt(PAGE, "client.demo", "Gestan-Client-2026!");
        browser.find(By.xpath(row + "//*[contains(@class,'twofactor-enrolled')]"));
        browser.open(Http.HTTPS + "portal/security/journal.xhtml");
        browser.waitUntil(d -> d.getPageSource().contains("Double authentification exigée"));
    }

    @Test
    void a_new_staff_member_without_a_second_factor_must_enrol_one_before_entering_the_back_office() {
        String password = "Nouveau-Support-2026!";
        String username = newStaffMemberSignsIn("staff.new.", password);
        // No way around it: the enrolment page comes before the back office.
        browser.waitUntil(d -> !d.findElements(By.id("mode-manual")).isEmpty() || !d.findElements(By.id("kc-totp-secret-key")).isEmpty());
        assertFalse(browser.url().startsWith(Http.HTTPS + "admin"));
        completeFirstSignIn(username, password, "admin");
        assertFalse(KeycloakFixture.passwordGrant(username, password, null).ok(), "a password alone is refused");
        assertTrue(KeycloakFixture.passwordGrant(username, password).ok(), "with a code it is accepted");
    }

    @Test
    void a_staff_member_registers_a_security_key_then_signs_in_with_it_instead_of_a_code() {
        String password = "Cle-Securite-2026!";
        String username = newStaffMemberSignsIn("staff.key.", password);
        completeFirstSignIn(username, password, "admin"); // a TOTP code first: staff cannot be without a factor

        // An administrator asks for a security key; the member registers one (Chromium's virtual authenticator).
        KeycloakFixture.requireActions(username, "webauthn-register");
        VirtualAuthenticator key = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        try {
            browser.forgetAllSessions();
            browser.open(Http.HTTPS + "admin/index.xhtml");
            signIn(username, password); // with the code: the key is not registered yet
            browser.find(By.id("registerWebAuthn")).click();
            acceptLabelPrompt();
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS + "admin"));
            assertTrue(KeycloakFixture.credentialsJson(username).contains("\"webauthn\""), KeycloakFixture.credentialsJson(username));

            // Next sign-in: the password, then the key; no code is asked for.
            browser.forgetAllSessions();
            browser.open(Http.HTTPS + "admin/index.xhtml");
            browser.find(By.id("username")).sendKeys(username);
            browser.find(By.id("password")).sendKeys(password);
            browser.find(By.id("kc-login")).click();
            // Keycloak offers first the member's preferred factor (the code, enrolled first); "try another way" lists the key.
            String offered = browser.waitUntil(d -> !d.findElements(By.id("authenticateWebAuthnButton")).isEmpty() ? "key"
                    : !d.findElements(By.id("try-another-way")).isEmpty() ? "code" : null);
            if (offered.equals("code")) {
                browser.find(By.id("try-another-way")).click();
                browser.find(By.xpath("//div[@role='button'][.//h2[contains(., 'Clé') or contains(., 'key') or contains(., 'Passkey')]]")).click();
            }
            browser.find(By.id("authenticateWebAuthnButton")).click();
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS + "admin"));
            assertEquals(1, key.getCredentials().size(), "the key signed in with its one credential");
        } finally {
            ((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(key);
        }
    }

    /**
     * Keycloak asks for the key's label in a prompt after registration; the default label is fine. A plain wait, not
     * {@code browser.waitUntil}: its accessibility audit scripts the page and fails while the prompt is open (seen in CI).
     */
    private static void acceptLabelPrompt() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (NoAlertPresentException notYet) {
                try {
                    return d.getCurrentUrl().startsWith(Http.HTTPS + "admin") ? true : null;
                } catch (org.openqa.selenium.UnhandledAlertException openedMeanwhile) {
                    return null; // the prompt opened between the two calls (seen in CI): accepted on the next round
                }
            }
        });
    }

    /** A new support member, without a second factor yet, signs in to the back office; returns its username. */
    private static String newStaffMemberSignsIn(String prefix, String password) {
        String username = prefix + System.nanoTime() % 1_000_000;
        KeycloakFixture.createUser(username, password, "support");
        browser.forgetAllSessions();
        browser.open(Http.HTTPS + "admin/index.xhtml");
        signIn(username, password);
        return username;
    }

    /**
     * Goes through Keycloak's first sign-in pages, in Keycloak's order: a new password (set to {@code password}) and
     * the enrolment of an authenticator (its key remembered by {@link Totp}), until the browser is on {@code area}.
     */
    private static void completeFirstSignIn(String username, String password, String area) {
        for (int page = 0; page < 4 && !browser.url().startsWith(Http.HTTPS + area); page++) {
            String kind = browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS + area) ? "done"
                    : !d.findElements(By.id("mode-manual")).isEmpty() || !d.findElements(By.id("kc-totp-secret-key")).isEmpty() ? "totp"
                    : !d.findElements(By.id("password-new")).isEmpty() ? "password" : null);
            if (kind.equals("password")) {
                browser.find(By.id("password-new")).sendKeys(password);
                browser.find(By.id("password-confirm")).sendKeys(password);
                browser.find(By.id("kc-submit")).click();
            } else if (kind.equals("totp")) {
                if (browser.driver().findElements(By.id("kc-totp-secret-key")).isEmpty()) {
                    browser.find(By.id("mode-manual")).click();
                }
                String key = browser.find(By.id("kc-totp-secret-key")).getText();
                browser.find(By.id("totp")).sendKeys(Totp.enrol(username, key));
                browser.find(By.id("saveTOTPBtn")).click();
            }
        }
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS + area));
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }
}
