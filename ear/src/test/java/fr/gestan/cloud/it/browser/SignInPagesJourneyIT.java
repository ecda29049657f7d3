package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21 item 7: Keycloak's sign-in pages wear the site's brand (the Gestan login theme, French first, the site's
 * colours, its name as a link home), offer "forgot password" by e-mail, and are served over HTTPS only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInPagesJourneyIT extends BrowserJourney {

    private static final String BRAND_RGB = "rgb(29, 63, 114)"; // #1d3f72, gestan.css --brand

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.fullEar();
    }

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
        assertEquals("Mot de passe oublié ?", browser.find(By.cssSelector("a[href*='reset-credentials']")).getText());
        assertEquals("Retour au site Gestan Cloud", browser.find(By.id("gestan-back-home")).getText());
        browser.screenshot("signin-01-gestan-theme-fr");

        // English second: the same page through Keycloak's language menu.
        WebElement english = browser.find(By.xpath("//select[@id='login-select-toggle']/option[contains(@value,'kc_locale=en')]"));
        browser.open(english.getDomAttribute("value"));
        browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals("Back to the Gestan Cloud site", browser.find(By.id("gestan-back-home")).getText());
        assertEquals("Forgot Password?", browser.find(By.cssSelector("a[href*='reset-credentials']")).getText());
        browser.screenshot("signin-02-gestan-theme-en");

        browser.find(By.id("gestan-back-home")).click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS) ? Boolean.TRUE : null);
        assertTrue(browser.driver().findElements(By.id("password")).isEmpty(), "back on the site, not on a sign-in form");
    }
}
