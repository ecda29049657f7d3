package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The sub-processor objection workflow (GDPR art. 28(2), issue 16) in Chromium against the whole EAR: an
 * administrator adds a sub-processor in the back office, the demo client sees the change in its portal and objects
 * with a comment (refused without one), and staff see the objection and its comment on the change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubProcessorsJourneyIT extends BrowserJourney {

    private static By card(String name) {
        return By.xpath("//div[contains(@class,'sub-processor-change')][.//h2[contains(normalize-space(.),'" + name + "')]]");
    }

    @Test
    void a_change_added_by_an_administrator_is_objected_to_in_the_portal_and_the_objection_shown_to_staff() throws Exception {
        String name = "Archives Froides " + System.nanoTime() % 100000;
        signInAt("admin/hosting/subprocessors.xhtml", "admin.demo", "Gestan-Admin-2026!");
        browser.find(By.id("add:name")).sendKeys(name);
        browser.find(By.id("add:legalForm")).sendKeys("SAS");
        browser.find(By.id("add:city")).sendKeys("Roubaix");
        browser.find(By.id("add:servicesFr")).sendKeys("archivage à froid des sauvegardes");
        browser.find(By.id("add:servicesEn")).sendKeys("cold archiving of the backups");
        browser.find(By.id("add:save")).click();
        browser.waitUntil(d -> d.findElement(By.id("changes:list")).getText().contains(name));
        browser.screenshot("subprocessors-01-added");

        signInAt("portal/subprocessors.xhtml", "client.demo", "Gestan-Client-2026!");
        WebElement change = browser.find(card(name));
        assertTrue(change.getText().contains("archivage à froid des sauvegardes"), change.getText());
        assertTrue(change.getText().contains("pas de réponse"), change.getText());
        // an objection without a comment is refused with the reason
        change.findElement(By.cssSelector("button.object-change")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Dites pourquoi vous vous opposez"));
        browser.find(card(name)).findElement(By.tagName("textarea")).sendKeys("Nos archives restent chez l’hébergeur actuel.");
        browser.find(card(name)).findElement(By.cssSelector("button.object-change")).click();
        browser.waitUntil(d -> d.findElement(card(name)).findElement(By.className("answer")).getText().equals("objection"));
        assertTrue(browser.find(card(name)).getText().contains("Nos archives restent chez l’hébergeur actuel."));
        browser.screenshot("subprocessors-02-objected");

        signInAt("admin/hosting/subprocessors.xhtml", "support.demo", "Gestan-Support-2026!");
        WebElement row = browser.find(By.xpath("//tbody[@id='changes:list_data']/tr[td[text()[normalize-space(.)='" + name + "']]]"));
        assertTrue(row.findElement(By.className("objected")).getText().equals("1"), row.getText());
        row.findElement(By.cssSelector("button.show-answers")).click();
        browser.waitUntil(d -> d.findElement(By.id("changes:answers")).getText().contains("842317653"));
        String answers = browser.find(By.id("changes:answers")).getText();
        assertTrue(answers.contains("objection") && answers.contains("Nos archives restent chez l’hébergeur actuel."), answers);
        browser.screenshot("subprocessors-03-staff-sees-the-objection");
    }
}
