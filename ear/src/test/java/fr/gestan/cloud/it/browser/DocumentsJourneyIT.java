package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Compliance documents in Chromium: an anonymous visitor reads /trust in French and English and downloads its PDF;
 * the client accepts its processor agreement in the portal; staff see the compliance-failures tile and follow it to
 * the filtered dashboard, and the tenant's documents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentsJourneyIT extends BrowserJourney {

    @Test
    @Order(1)
    void an_anonymous_visitor_reads_the_trust_page_in_both_languages_and_downloads_its_pdf() throws Exception {
        browser.forgetAllSessions();
        browser.open(Http.HTTPS);
        browser.find(By.cssSelector("nav a[href*='/trust']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/trust"));
        assertEquals("Sécurité & confidentialité", browser.find(By.tagName("h1")).getText());
        browser.open(Http.HTTPS + "trust");
        assertEquals("Sécurité & confidentialité", browser.find(By.tagName("h1")).getText());
        String fr = browser.find(By.tagName("main")).getText();
        for (String expected : List.of("Scaleway SAS", "Vitry-sur-Seine", "Saint-Ouen-l'Aumône", "ISO/IEC 27001", "verrouillé après",
                "environ 15 minutes", "ICS-Informatique")) {
            assertTrue(fr.contains(expected), () -> "missing " + expected + " in " + fr);
        }
        browser.screenshot("documents-01-trust-fr");
        browser.find(By.id("lang-en")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Security & confidentiality"));
        String en = browser.find(By.tagName("main")).getText();
        assertTrue(en.contains("Data centre DC3 in Vitry-sur-Seine (FR)") && en.contains("failed sign-ins"), en);
        browser.screenshot("documents-02-trust-en");
        browser.find(By.id("lang-fr")).click();

        String href = browser.find(By.id("trust-pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = Http.getBytes(href);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = pdfToText(pdf.body());
        assertTrue(text.contains("Sécurité & confidentialité de Gestan Cloud") && text.contains("Saint-Ouen-l'Aumône")
                && text.contains("Scaleway SAS") && text.contains("minutes par client"), text);
    }

    @Test
    @Order(2)
    void the_client_accepts_its_processor_agreement_in_the_portal() throws Exception {
        signInAt("portal/documents.xhtml", "client.demo", "Gestan-Client-2026!");
        assertEquals("Mes documents", browser.find(By.tagName("h1")).getText());
        browser.screenshot("documents-03-portal-before");
        List<WebElement> buttons = browser.driver().findElements(By.cssSelector("button.accept-agreement"));
        if (!buttons.isEmpty()) { // an earlier test may already have accepted the current version
            buttons.get(0).click();
            browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("accepté"));
        }
        browser.waitUntil(d -> d.findElements(By.cssSelector("button.accept-agreement")).isEmpty());
        String table = browser.find(By.id("agreements:list")).getText();
        assertTrue(table.contains("Accepté") && table.contains("client.demo"), table);
        assertFalse(browser.find(By.id("record-entries")).getText().isBlank());
        browser.screenshot("documents-04-portal-accepted");
        // the agreement downloads in the browser session: check the link answers with a PDF through the same cookies
        String link = browser.find(By.cssSelector("a.agreement-pdf")).getAttribute("href");
        String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> pdf = Http.getBytes(link, "Cookie", cookie);
        assertEquals(200, pdf.statusCode());
        String text = pdfToText(pdf.body());
        assertTrue(text.contains("Contrat de sous-traitance") && text.contains("Accepté par / Accepted by client.demo"), text);
        // another tenant's contract: not found
        HttpResponse<byte[]> other = Http.getBytes(link.replaceAll("contract=\\d+", "contract=999999999"), "Cookie", cookie);
        assertEquals(404, other.statusCode());
        signOut();
    }

    @Test
    @Order(3)
    void staff_see_the_compliance_failures_tile_and_open_the_filtered_dashboard() throws Exception {
        signInAt("admin/", "support.demo", "Gestan-Support-2026!");
        WebElement blocked = browser.find(By.id("compliance-blocked"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", blocked);
        String page = browser.find(By.tagName("main")).getText();
        assertTrue(page.contains("Défauts de conformité") && page.contains("avec un défaut bloquant"), page);
        browser.screenshot("documents-05-admin-tile");
        browser.find(By.cssSelector("[id$='blocked-link']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("outcome=FAIL"));
        assertTrue(browser.find(By.id("last-evaluated")).getText().startsWith("Dernière évaluation"));
        browser.screenshot("documents-06-dashboard-failures");
        // re-evaluate now: the progress bar runs to its end
        browser.find(By.id("dashboard:reevaluate")).click();
        browser.waitUntil(d -> d.findElement(By.id("dashboard")).getText().contains("Tous les clients ont été réévalués"));
        browser.screenshot("documents-06b-reevaluated");
        browser.open(Http.HTTPS + "admin/documents.xhtml?siren=842317653");
        String agreements = browser.find(By.id("agreements")).getText();
        assertTrue(agreements.contains("Accepté"), agreements);
        browser.screenshot("documents-07-admin-documents");
        // staff add a record entry through the form
        browser.find(By.id("record:processing")).sendKeys("Gestion des notes de frais");
        browser.find(By.id("record:subjects")).sendKeys("Salariés");
        browser.find(By.id("record:categories")).sendKeys("Identité, dépenses, justificatifs");
        browser.find(By.id("record:security")).sendKeys("Hébergement en France, TLS, sauvegardes");
        browser.find(By.id("record:save")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("Entrée du registre enregistrée"));
        assertTrue(browser.find(By.id("record:entries")).getText().contains("Gestion des notes de frais"));
        browser.screenshot("documents-08-admin-record-entry");
        signOut();
    }

    private static String pdfToText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("gestan-doc-", ".pdf");
        Path txt = Files.createTempFile("gestan-doc-", ".txt");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), txt.toString()).inheritIO().start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext failed");
            return Files.readString(txt, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(txt);
        }
    }
}
