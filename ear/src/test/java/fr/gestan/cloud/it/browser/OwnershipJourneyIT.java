package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator's change of control (the R4 case of GDPR art. 28(2), issue 16) in Chromium against the whole EAR: an
 * administrator records it on the hosting inventory (a French group, effective in 45 days, so that rule R4 and the
 * agreement of the shared test database are unchanged today); the operator's table shows it, and the demo client
 * finds the notice, with the new owner, on its portal page, where the notice's link leads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwnershipJourneyIT extends BrowserJourney {

    @Test
    void an_administrator_records_an_operators_change_of_control_and_the_client_finds_the_notice_in_its_portal() throws Exception {
        String owner = "Groupe Iliad Holding " + System.nanoTime() % 100000;
        LocalDate effective = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(45);
        signInAt("admin/hosting/index.xhtml", "admin.demo", "Gestan-Admin-2026!");
        // the form is opened by its link (?form=ownership): not drawn on every view of the inventory
        assertTrue(browser.driver().findElements(By.id("change-ownership")).isEmpty(), "the form waits for its link");
        browser.find(By.id("open-ownership")).click();
        new Select(browser.find(By.id("change-ownership:operator"))).selectByVisibleText("Scaleway SAS");
        browser.find(By.id("change-ownership:owner")).sendKeys(owner);
        browser.find(By.id("change-ownership:ocountry")).sendKeys("FR");
        browser.find(By.id("change-ownership:reason")).sendKeys("réorganisation du groupe annoncée");
        // the date last: its calendar pop-up takes the focus back while it opens
        browser.find(By.id("change-ownership:effective_input")).sendKeys(effective.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.find(By.id("change-ownership:submit")).click();
        browser.waitUntil(d -> d.findElement(By.id("operators")).getText().contains(owner));
        String operators = browser.find(By.id("operators")).getText();
        assertTrue(operators.contains("réorganisation du groupe annoncée"), operators);
        browser.screenshot("ownership-01-recorded");

        signInAt("portal/subprocessors.xhtml", "client.demo", "Gestan-Client-2026!");
        WebElement change = browser.find(By.xpath("//div[contains(@class,'sub-processor-change')][.//span[contains(@class,'new-owner')"
                + " and contains(normalize-space(.),'" + owner + "')]]"));
        assertTrue(change.getText().contains("Changement de contrôle de l'hébergeur"), change.getText());
        assertTrue(change.getText().contains("Scaleway SAS"), change.getText());
        // the notice's own anchor, which the e-mail and the processor agreement link to, sits just before it
        WebElement anchor = change.findElement(By.xpath("preceding-sibling::a[contains(@class,'change-anchor')][1]"));
        assertTrue(anchor.getAttribute("id").startsWith("change-"), anchor.getAttribute("id"));
        browser.screenshot("ownership-02-client-notice");
    }
}
