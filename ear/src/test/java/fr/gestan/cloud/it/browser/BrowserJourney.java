package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.env.Totp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;

/**
 * Base of the browser journeys: one headless Chromium per test class, started once Keycloak answers (every
 * journey signs in through it), the sign-in form filled the way a user does, and a screenshot of the page a test
 * failed on ({@code target/screenshots/FAILED-<class>-<test>.png}, with its address in the log).
 */
abstract class BrowserJourney extends OnJourneyEar {

    protected static Browser browser;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                try {
                    System.out.println("Failed on " + browser.driver().getCurrentUrl());
                    browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
                } catch (java.io.IOException | RuntimeException e) {
                    System.out.println("No screenshot of the failure: " + e);
                }
            }
        }
    };

    @BeforeAll
    static void startBrowser() throws Exception {
        KeycloakFixture.awaitReady();
        browser = new Browser();
    }

    /** Every page a journey reached passes axe-core: no serious or critical WCAG 2.1 A/AA violation. */
    @AfterEach
    void pagesVisitedAreAccessible() {
        if (browser != null) {
            java.util.List<String> violations = browser.accessibilityViolations();
            assertTrue(violations.isEmpty(), "axe-core found on the pages of this test:\n" + String.join("\n", violations));
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /**
     * The Keycloak sessions of the demo staff, by user name and password: their sign-in cookies, for {@link #signInAt}.
     * Kept for the whole run (every journey class signs in the same staff), dropped at {@link #signOut}.
     */
    private static final Map<String, List<Map<String, Object>>> STAFF_SESSIONS = new HashMap<>();
    /** The key in {@link #STAFF_SESSIONS} of the staff session the browser holds, if any. */
    private static String staffSession;

    /**
     * Opens {@code page} (relative to the HTTPS base) signed in afresh: forgets any session, fills Keycloak's form and
     * waits until the browser is back on the page. A demo staff member already signed in on Keycloak during the run
     * comes back through that Keycloak session, as a user does who signs in again the same day: a new session of the
     * application, no form. Keycloak takes each TOTP code once and a new one comes every 30 s only ({@code Totp}): the
     * form, the second factor included, is filled at a staff member's first sign-in and again once the session ended.
     */
    protected static void signInAt(String page, String username, String password) {
        String back = Http.HTTPS + page.replaceAll("(\\.xhtml|/)$", "");
        String staff = Totp.DEMO_SECRETS.containsKey(username) ? username + '\n' + password : null;
        staffSession = null;
        browser.forgetAllSessions();
        if (staff != null && STAFF_SESSIONS.containsKey(staff)) {
            browser.setCookies(STAFF_SESSIONS.get(staff));
            browser.open(Http.HTTPS + page);
            if (browser.url().startsWith(back)) {
                staffSession = staff;
                return;
            }
            System.out.println("[gestan-it] the Keycloak session of " + username + " has ended (" + browser.url() + "): the form again");
            STAFF_SESSIONS.remove(staff);
            browser.forgetAllSessions();
        }
        browser.open(Http.HTTPS + page);
        // A Keycloak slow to answer its first requests (a loaded machine) gets the "sign-in momentarily unavailable"
        // page, which asks to try again in a few moments: the journey does so, as a user would, a few times.
        for (int attempt = 1; attempt < 6 && signInUnavailable(); attempt++) {
            System.out.println("[gestan-it] sign-in unavailable at " + page + ", attempt " + attempt + ": trying again in 5 s");
            sleep(5_000);
            browser.open(Http.HTTPS + page);
        }
        if (!signInFormShown()) {
            // seen once in CI: no sign-in form within 30 s after the previous journey's sign-out; the page is
            // printed, and the journey starts again from a browser that forgot both sessions
            System.out.println("[gestan-it] no sign-in form at " + browser.url() + ": "
                    + browser.driver().findElement(By.tagName("body")).getText().replaceAll("\\s+", " "));
            browser.forgetAllSessions();
            browser.open(Http.HTTPS + page);
        }
        signIn(username, password);
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(back));
        if (staff != null) {
            STAFF_SESSIONS.put(staff, browser.keycloakCookies());
            staffSession = staff;
        }
    }

    private static boolean signInFormShown() {
        try {
            browser.find(By.id("username"));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /**
     * Signs out with the page's button and waits for the end of the way back (application, Keycloak's end of session,
     * home page): the next journey's sign-in must not race the end of this one.
     */
    protected static void signOut() {
        if (staffSession != null) {
            STAFF_SESSIONS.remove(staffSession); // signing out ends the Keycloak session too
            staffSession = null;
        }
        browser.find(By.id("logout")).click();
        browser.waitUntil(d -> d.getCurrentUrl().equals(Http.HTTPS) && !d.findElements(By.id("signin")).isEmpty());
    }

    private static boolean signInUnavailable() {
        return browser.driver().getPageSource().contains("momentanément indisponible");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills and submits Keycloak's sign-in form, which the browser is showing; staff (the demo users with a TOTP
     * secret in the realm file) then give the current code on Keycloak's second page, as with an authenticator app.
     */
    protected static void signIn(String username, String password) {
        browser.find(By.id("username")).clear();
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(password);
        browser.find(By.id("kc-login")).click();
        if (Totp.hasSecret(username)) {
            browser.find(By.id("otp")).sendKeys(Totp.nextCode(username));
            browser.find(By.id("kc-login")).click();
        }
    }
}
