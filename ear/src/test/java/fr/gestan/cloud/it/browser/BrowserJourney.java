package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.it.env.KeycloakFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;

/**
 * Base of the browser journeys: one headless Chromium per test class, started once Keycloak answers (every
 * journey signs in through it), and the sign-in form filled the way a user does.
 */
abstract class BrowserJourney {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        KeycloakFixture.awaitReady();
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Fills and submits Keycloak's sign-in form, which the browser is showing. */
    protected static void signIn(String username, String password) {
        browser.find(By.id("username")).clear();
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(password);
        browser.find(By.id("kc-login")).click();
    }
}
