package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
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
        signOut();
    }

    /**
     * Issue 21 item 2: the client's dashboard leads with what the client can act on (its own to-dos), and words our
     * obligations as our commitments with their status; our late evidence is never its headline nor its to-do.
     */
    @Test
    @Order(2)
    void a_client_sees_its_own_todos_first_and_our_commitments_worded_as_ours() throws Exception {
        String base = Http.HTTPS;
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        String headline = browser.find(By.id("compliance-todos")).getText();
        assertTrue(headline.matches("Rien à faire de votre côté|1 action à faire|\\d+ actions à faire"), headline);
        String tile = browser.find(By.id("tile-compliance")).getText();
        assertFalse(tile.contains("Preuve manquante"), tile);
        String commitments = browser.find(By.id("compliance-commitments")).getText();
        assertTrue(commitments.startsWith("Nos engagements : "), commitments);
        int todosOnTile = browser.driver().findElements(By.cssSelector("[id='compliance-todo-list'] li")).size();
        String tone = browser.find(By.id("tile-compliance")).getAttribute("class");
        assertEquals(todosOnTile > 0 && !commitments.contains("pas tenu"), tone.contains("tile-warning"), tone);
        assertFalse(commitments.contains("en retard") && tone.contains("tile-warning") && todosOnTile == 0,
                "our late evidence does not colour the client's tile");
        browser.screenshot("compliance-03-portal-tile");

        browser.open(base + "portal/compliance.xhtml");
        assertEquals("Ma conformité", browser.find(By.tagName("h1")).getText());
        assertEquals("Vos actions à faire", browser.find(By.cssSelector("[id='todos'] h2")).getText());
        assertEquals("Nos engagements envers vous", browser.find(By.cssSelector("[id='commitments'] h2")).getText());
        List<WebElement> todos = browser.driver().findElements(By.cssSelector("[id='todo-list'] li"));
        assertEquals(todosOnTile, todos.size());
        List<WebElement> ours = browser.driver().findElements(By.cssSelector("[id='commitment-list'] li"));
        assertEquals(8, ours.size());
        for (WebElement commitment : ours) {
            String text = commitment.getText();
            assertTrue(text.matches("(Nous|Nos|Notre) .+ — (tenu, preuve à jour|preuve en retard de notre part.*|non tenu.*)"), text);
        }
        // the rule of our snapshots and backups is ours: never among the client's to-dos, whatever its evidence
        String r6 = browser.find(By.id("commitment-R6-SNAPSHOTS-BACKUPS")).getText();
        assertTrue(r6.startsWith("Nous prenons un instantané avant chaque mise à jour"), r6);
        assertTrue(todos.stream().noneMatch(t -> t.getText().contains("instantané") || t.getText().contains("sauvegarde vérifiée")));
        assertEquals(8, browser.driver().findElements(By.cssSelector("section.rule")).size(), "the details stay below");
        browser.screenshot("compliance-04-portal");
        // a to-do about the processor agreement leads to where the client accepts it
        List<WebElement> agreement = browser.driver().findElements(By.cssSelector("li.todo-sign-processor-agreement a.todo-action, "
                + "li.todo-processor-agreement-outdated a.todo-action"));
        if (!agreement.isEmpty()) {
            agreement.get(0).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("portal/documents"));
            browser.screenshot("compliance-05-todo-agreement");
        }
        signOut();
    }
}
