package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.Deployments;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Compliance in Chromium: the staff dashboard and its drill-down to the evidence, the client's tile and page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceJourneyIT extends BrowserJourney {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.fullEar();
    }

    @Test
    @Order(1)
    void staff_see_each_tenants_status_and_drill_down_to_the_evidence() throws Exception {
        signInAt("admin/compliance/index.xhtml", "support.demo", "Gestan-Support-2026!");
        assertEquals("Conformité des clients", browser.find(By.tagName("h1")).getText());
        List<WebElement> links = browser.driver().findElements(By.cssSelector("[id='dashboard:tenants'] tbody a"));
        assertFalse(links.isEmpty(), browser.find(By.id("dashboard:tenants")).getText());
        String tenant = links.get(0).getText();
        browser.screenshot("compliance-01-dashboard");
        links.get(0).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("admin/compliance/tenant"));
        assertEquals(tenant, browser.find(By.tagName("h1")).getText());
        assertEquals(8, browser.driver().findElements(By.cssSelector("section.rule")).size());
        String sovereignty = browser.find(By.id("rule-R4-SECNUMCLOUD-19.6")).getText();
        assertTrue(sovereignty.contains("Référence légale") && sovereignty.contains("SecNumCloud 3.2 §19.6"), sovereignty);
        assertTrue(browser.find(By.id("overall")).getText().startsWith("Statut global"));
        browser.screenshot("compliance-02-drill-down");
        browser.find(By.id("logout")).click();
    }

    @Test
    @Order(2)
    void a_client_sees_its_own_status_on_its_dashboard_and_page() throws Exception {
        String base = Http.HTTPS;
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        String outcome = browser.find(By.id("compliance-outcome")).getText();
        assertTrue(List.of("Conforme", "Non conforme (bloquant)", "Obligation du client", "Preuve manquante").contains(outcome), outcome);
        browser.open(base + "portal/compliance.xhtml");
        assertEquals("Ma conformité", browser.find(By.tagName("h1")).getText());
        assertEquals(8, browser.driver().findElements(By.cssSelector("section.rule")).size());
        assertTrue(browser.find(By.id("overall")).getText().contains(outcome));
        browser.screenshot("compliance-03-portal");
        browser.find(By.id("logout")).click();
    }
}
