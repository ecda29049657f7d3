package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21, item 6, in Chromium: the home page is the one-screen summary of the promises, each with its live proof; /trust
 * is scannable (summary first, contents, certification and sub-processor tables) without the old copy errors; its
 * recovery time is the staff plan's own figure; a prospect finds a contact address on both pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromisesJourneyIT extends BrowserJourney {

    private static final Pattern RECOVERY = Pattern.compile("Notre serveur le plus chargé \\((\\d+) clients\\) est repris en (\\d+ h \\d\\d(?: min)?)");

    @Test
    @Order(1)
    void the_home_page_states_every_promise_with_its_live_proof_and_a_contact() throws Exception {
        browser.forgetAllSessions();
        browser.open(Http.HTTPS);
        // a fresh server signs its first journal checkpoint within moments; the home page reads its figures once a minute
        for (int i = 0; i < 30 && !browser.find(By.id("proof-journal")).getText().contains("entrées"); i++) {
            Thread.sleep(5_000);
            browser.open(Http.HTTPS);
        }
        assertEquals(7, browser.driver().findElements(By.cssSelector("#promises > li")).size());
        // the lead names the operator and country as the hosting records give them (the demo's Scaleway SAS in France),
        // not a sentence written once into the texts
        String lead = browser.find(By.id("home-lead")).getText();
        assertTrue(lead.contains("serveurs de Scaleway SAS situés en France"), lead);
        String attacks = browser.find(By.id("promise-attacks")).getText();
        assertTrue(attacks.matches("(?s).*verrouillé après \\d+ échecs.*DDoS est atténuée en \\d+ heures.*"), attacks);
        String backups = browser.find(By.id("promise-backups")).getText();
        assertTrue(backups.contains("instantané système avant chaque mise à jour") && backups.matches("(?s).*toutes les \\d+ heures.*"), backups);
        assertTrue(browser.find(By.id("promise-recovery")).getText().matches("(?s).*en \\d+ minutes.*en \\d+ minutes.*\\d+ minutes par client.*"));
        assertTrue(RECOVERY.matcher(browser.find(By.id("proof-recovery")).getText()).find(), browser.find(By.id("proof-recovery")).getText());
        assertTrue(browser.find(By.id("promise-https")).getText().contains("HTTPS"));
        String law = browser.find(By.id("promise-law")).getText();
        assertTrue(law.contains("France") && law.contains("RGPD") && law.contains("L102 C") && law.contains("Patriot Act"), law);
        String journal = browser.find(By.id("proof-journal")).getText();
        assertTrue(journal.matches("(?s).*Journal : [\\d\\u202f\\u00a0 ]+ entrées, dernier point de contrôle signé le \\d\\d/\\d\\d/\\d{4}.*"), journal);
        assertTrue(browser.find(By.id("proof-uptime")).getText().matches("(?s).*sur 90 jours : \\d+,\\d{3}.*%.*"), browser.find(By.id("proof-uptime")).getText());
        WebElement mail = browser.find(By.id("contact-email"));
        assertTrue(mail.getAttribute("href").startsWith("mailto:") && mail.getText().contains("@"), mail.getAttribute("href"));
        browser.screenshot("promises-01-home-fr");

        browser.find(By.id("lang-en")).click();
        browser.waitUntil(d -> d.findElement(By.id("promise-attacks")).getText().contains("failed sign-ins"));
        assertTrue(browser.find(By.id("proof-recovery")).getText().matches("(?s).*Our most loaded server \\(\\d+ clients\\) is recovered in \\d+ h \\d\\d.*"));
        browser.screenshot("promises-02-home-en");
        browser.find(By.id("lang-fr")).click();
        browser.waitUntil(d -> d.findElement(By.id("promise-attacks")).getText().contains("échecs"));
    }

    @Test
    @Order(2)
    void the_trust_page_is_scannable_and_its_copy_is_fixed() throws Exception {
        browser.open(Http.HTTPS + "trust.xhtml");
        List<WebElement> toc = browser.driver().findElements(By.cssSelector("#trust-toc a"));
        assertTrue(toc.size() >= 8, "summary, certifications, sub-processors, every section, contact: " + toc.size());
        for (WebElement link : toc) {
            String anchor = link.getAttribute("href").replaceAll(".*#", "");
            assertEquals(1, browser.driver().findElements(By.id(anchor)).size(), "the contents link " + anchor + " has its target");
        }
        // the summary comes first, before the detailed sections
        List<WebElement> h2 = browser.driver().findElements(By.cssSelector("main h2"));
        assertEquals("Sommaire", h2.get(0).getText());
        assertEquals("En bref", h2.get(1).getText());
        String certifications = browser.find(By.id("certifications-table")).getText();
        assertTrue(certifications.contains("ISO/IEC 27001") && certifications.matches("(?s).*(valide jusqu’au|expirée le) [^\\n]*\\d{4}.*"), certifications);
        String subs = browser.find(By.id("subprocessors-table")).getText();
        assertTrue(subs.contains("Scaleway SAS") && subs.contains("Hébergeur") && subs.contains("France"), subs);
        String main = browser.find(By.tagName("main")).getText();
        for (String wrong : List.of("SAS (SAS)", "groupe Groupe", "siège social : FR", "siège : FR", "SHA-256", "environ 5 heures")) {
            assertFalse(main.contains(wrong), "no more \"" + wrong + "\" on /trust");
        }
        assertTrue(browser.find(By.id("trust-version")).getText().matches("Texte établi à partir des données en vigueur le .*\\d{4}"),
                browser.find(By.id("trust-version")).getText());
        assertTrue(browser.find(By.id("contact-email")).getAttribute("href").startsWith("mailto:"));
        browser.screenshot("promises-03-trust-fr");
    }

    @Test
    @Order(3)
    void the_recovery_time_printed_is_the_staff_plans_own_figure() throws Exception {
        browser.open(Http.HTTPS);
        Matcher printed = RECOVERY.matcher(browser.find(By.id("proof-recovery")).getText());
        assertTrue(printed.find());
        int clients = Integer.parseInt(printed.group(1));
        String time = printed.group(2);
        browser.open(Http.HTTPS + "trust.xhtml");
        assertTrue(browser.find(By.tagName("main")).getText().contains("pour notre serveur le plus chargé (" + clients
                + " clients), la reprise complète est planifiée en " + time + "."), "the statement quotes the same figure");

        signInAt("admin/hosting/recovery.xhtml", "support.demo", "Gestan-Support-2026!");
        List<String> servers = browser.driver().findElements(By.cssSelector("nav.subnav a[href*='server=']")).stream().map(a -> a.getAttribute("href")).toList();
        int most = -1;
        java.util.Set<String> totalsOfMost = new java.util.HashSet<>();
        for (String server : servers) {
            browser.open(server);
            String summary = browser.find(By.id("plan-summary")).getText();
            // "· 42 clients ·", "· 1 client ·" or "· aucun client ·" (a real plural)
            Matcher m = Pattern.compile("· (\\d+|aucun) client").matcher(summary);
            assertTrue(m.find(), summary);
            int n = m.group(1).equals("aucun") ? 0 : Integer.parseInt(m.group(1));
            if (n > most) {
                most = n;
                totalsOfMost.clear();
            }
            if (n == most) {
                totalsOfMost.add(browser.find(By.id("total")).getText());
            }
        }
        assertEquals(clients, most, "the home page quotes the server with the most clients");
        assertTrue(totalsOfMost.contains(time), "and the staff plan's own total for it: " + totalsOfMost + " vs " + time);
    }
}
