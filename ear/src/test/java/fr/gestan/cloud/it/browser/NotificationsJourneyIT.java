package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.MailCatcher;
import fr.gestan.cloud.it.support.CaughtMail;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Notifications in Chromium against the whole EAR: subscribing on /status (a bad address refused next to its field),
 * confirming through the e-mailed link's page, unsubscribing with the page's button; the client setting its
 * security contact in the portal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationsJourneyIT extends BrowserJourney {

    private static final Pattern CONFIRM = Pattern.compile("https://[^/\\s]+/(api/v1/public/status/subscriptions/confirm\\?token=[A-Za-z0-9_-]+)");

    private static List<CaughtMail> await(String email) throws InterruptedException {
        for (int i = 0; i < 600 && MailCatcher.to(email).isEmpty(); i++) {
            Thread.sleep(100);
        }
        return MailCatcher.to(email);
    }

    @Test
    void subscribe_on_the_status_page_confirm_from_the_mail_and_unsubscribe() throws Exception {
        browser.forgetAllSessions();
        browser.open(Http.HTTPS + "status");
        browser.find(By.id("subscribe:email")).sendKeys("pas-une-adresse");
        // the browser's own check of type="email" would stop the form: the server's field message is what is tested
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('subscribe:email').type='text'");
        browser.find(By.id("subscribe:submit")).click();
        browser.waitUntil(d -> !d.findElement(By.id("subscribe:email-message")).getText().isBlank());
        assertTrue(browser.find(By.id("subscribe:email-message")).getText().contains("adresse e-mail n'est pas valide"),
                browser.find(By.id("subscribe:email-message")).getText());
        browser.screenshot("notifications-01-bad-address");

        String email = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.find(By.id("subscribe:email")).clear();
        browser.find(By.id("subscribe:email")).sendKeys(email);
        browser.find(By.id("subscribe:submit")).click();
        browser.waitUntil(d -> !d.findElements(By.id("subscribe:sent")).isEmpty());
        browser.screenshot("notifications-02-confirmation-sent");

        List<CaughtMail> mails = await(email);
        assertEquals(1, mails.size());
        Matcher link = CONFIRM.matcher(mails.get(0).text());
        assertTrue(link.find(), mails.get(0).text());
        browser.open(Http.HTTPS + link.group(1));
        browser.find(By.cssSelector("section[lang='fr'] button")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().contains("Abonnement confirmé"));
        browser.screenshot("notifications-03-confirmed");
        browser.find(By.cssSelector("section[lang='fr'] button")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().contains("Désabonnement fait"));
        browser.screenshot("notifications-04-unsubscribed");
    }

    @Test
    void the_client_turns_the_notices_of_its_servers_off_and_on_in_the_portal() throws Exception {
        signInAt("portal/notifications.xhtml", "client.demo", "Gestan-Client-2026!");
        assertTrue(browser.find(By.id("status:receive")).isSelected(), "on by default");
        browser.find(By.id("status:receive")).click();
        browser.find(By.id("status:save")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Vous ne recevrez plus les incidents et maintenances de vos serveurs"));
        browser.open(Http.HTTPS + "portal/notifications.xhtml");
        assertTrue(!browser.find(By.id("status:receive")).isSelected(), "kept off");
        browser.screenshot("notifications-07-status-notices-off");
        browser.find(By.id("status:receive")).click();
        browser.find(By.id("status:save")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Vous recevrez les incidents et maintenances de vos serveurs."));
    }

    @Test
    void the_client_sets_its_security_contact_in_the_portal() throws Exception {
        signInAt("portal/tenants/company.xhtml", "client.demo", "Gestan-Client-2026!");
        browser.find(By.id("security:name")).clear();
        browser.find(By.id("security:name")).sendKeys("Responsable Sécurité");
        browser.find(By.id("security:email")).clear();
        browser.find(By.id("security:email")).sendKeys("pas-une-adresse");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('security:email').type='text'");
        browser.find(By.id("security:save")).click();
        try {
            browser.waitUntil(d -> d.getPageSource().contains("Adresse e-mail invalide."));
        } catch (RuntimeException e) {
            throw new AssertionError("no field message; the page says: " + browser.find(By.tagName("main")).getText(), e);
        }
        browser.screenshot("notifications-05-security-contact-refused");

        browser.find(By.id("security:email")).clear();
        browser.find(By.id("security:email")).sendKeys("securite@boulangerie-martin.example");
        browser.find(By.id("security:save")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Contact sécurité enregistré."));
        browser.open(Http.HTTPS + "portal/tenants/company.xhtml");
        assertEquals("securite@boulangerie-martin.example", browser.find(By.id("security:email")).getAttribute("value"));
        browser.screenshot("notifications-06-security-contact-saved");

        // emptied: the administrative contact receives the notices again (and the other journeys find the demo as it was)
        for (String field : List.of("security:name", "security:email", "security:phone")) {
            browser.find(By.id(field)).clear();
        }
        browser.find(By.id("security:save")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Contact sécurité retiré"));
    }
}
