package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.env.DemoTenants.CLIENT_SIREN;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 21, item 5, in Chromium: staff see who a client is. The contracts list and the recovery Gantt print the company
 * name beside every SIREN, linked to the one-page client summary; the header's search finds a company, a contract and a
 * server; the dashboard says what "42 / 100" is; the Gantt's legend explains every colour and its scrolling region is
 * reached and scrolled with the keyboard.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientSummaryJourneyIT extends BrowserJourney {

    private static final String DEMO_NAME = "Boulangerie Martin SARL";

    @Test
    @Order(1)
    void the_contracts_list_names_the_client_and_links_to_its_summary() throws Exception {
        signInAt("admin/hosting/contracts.xhtml", "support.demo", "Gestan-Support-2026!");
        browser.find(By.id("list:filter")).sendKeys(CLIENT_SIREN);
        browser.find(By.id("list:search")).click();
        browser.waitUntil(d -> d.findElement(By.id("list:table")).getText().contains(DEMO_NAME));
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("td.contract-client"));
        assertFalse(cells.isEmpty());
        for (WebElement cell : cells) {
            assertTrue(cell.getText().contains(DEMO_NAME) && cell.getText().contains(CLIENT_SIREN), cell.getText());
        }
        browser.screenshot("client-01-contracts-names");
        cells.get(0).findElement(By.cssSelector("a.client-link")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/clients/summary"));
        assertEquals(DEMO_NAME, browser.find(By.id("client-name")).getText());
        assertEquals(CLIENT_SIREN, browser.find(By.id("client-siren")).getText());
        assertTrue(browser.find(By.id("summary-contracts")).getText().contains("Gestan"), "the client's contracts");
        assertTrue(browser.find(By.id("summary-servers")).getText().contains("GC-PROD-01"), "the servers its contracts run on");
        browser.find(By.id("certificates"));
        assertFalse(browser.find(By.id("summary-compliance")).getText().isBlank(), "its compliance status");
        browser.find(By.id("requests"));
        assertTrue(browser.find(By.id("summary-journal")).getText().contains("Action") || browser.find(By.id("summary-journal")).isDisplayed());
        browser.screenshot("client-02-summary-fr");

        // an unknown SIREN says so, not a 500
        browser.open(Http.HTTPS + "admin/clients/summary.xhtml?siren=000000000");
        assertTrue(browser.find(By.id("client-not-found")).isDisplayed());
        browser.open(Http.HTTPS + "admin/clients/summary.xhtml?siren=%3Cscript%3E");
        assertTrue(browser.find(By.id("client-not-found")).isDisplayed());
    }

    @Test
    @Order(2)
    void the_header_search_finds_a_company_a_contract_and_a_server() throws Exception {
        browser.open(Http.HTTPS + "admin/index.xhtml");
        WebElement box = browser.find(By.id("search-q"));
        assertEquals("search", browser.find(By.id("header-search")).getAttribute("role"));
        box.sendKeys("martin");
        browser.find(By.id("search-go")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/search"));
        WebElement companies = browser.find(By.id("search-COMPANY"));
        assertTrue(companies.getText().contains(DEMO_NAME), companies.getText());
        browser.screenshot("client-03-search-company");
        companies.findElement(By.linkText(DEMO_NAME)).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/clients/summary"));
        String contract = browser.find(By.id("summary-contracts")).getText().replaceAll("(?s)^n° (\\d+).*", "$1");
        assertTrue(contract.matches("\\d+"), contract);

        browser.find(By.id("search-q")).sendKeys(contract + Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/search"));
        String contracts = browser.find(By.id("search-CONTRACT")).getText();
        assertTrue(contracts.contains("n° " + contract) && contracts.contains(DEMO_NAME), contracts);

        browser.find(By.id("search-q")).sendKeys("GC-PROD" + Keys.ENTER);
        browser.waitUntil(d -> d.findElement(By.id("search-SERVER")).getText().contains("GC-PROD-01"));

        browser.find(By.id("search-q")).sendKeys("zzzz-nothing-matches" + Keys.ENTER);
        assertTrue(browser.find(By.id("search-none")).isDisplayed());
    }

    @Test
    @Order(3)
    void the_dashboard_explains_its_figures() throws Exception {
        browser.open(Http.HTTPS + "admin/index.xhtml");
        String legend = browser.find(By.id("capacity-legend")).getText();
        assertTrue(legend.contains("contrats en cours") && legend.contains("nombre maximal"), legend);
        String capacity = browser.find(By.id("capacity")).getText();
        assertTrue(capacity.matches("(?s).*GC-PROD-01.*\\d+ contrats en cours sur une capacité de 100.*"), capacity);
        assertTrue(browser.find(By.id("tenant-count-legend")).getText().contains("tous états confondus"));
        browser.screenshot("client-04-dashboard-legends");
    }

    @Test
    @Order(4)
    void the_gantt_names_its_clients_explains_its_colours_and_scrolls_with_the_keyboard() throws Exception {
        browser.open(Http.HTTPS + "admin/hosting/recovery.xhtml");
        browser.find(By.linkText("GC-PROD-01")).click();
        browser.waitUntil(d -> d.findElement(By.id("plan-title")).getText().startsWith("GC-PROD-01"));
        WebElement gantt = browser.find(By.id("gantt"));
        assertEquals("region", gantt.getAttribute("role"));
        assertEquals("0", gantt.getAttribute("tabindex"));
        assertFalse(gantt.getAttribute("aria-label").isBlank());
        String rows = gantt.getText();
        assertTrue(rows.contains(DEMO_NAME + " · " + CLIENT_SIREN), "the company name beside the SIREN in the Gantt");
        assertTrue(browser.driver().findElements(By.cssSelector("#gantt .tenant-row a.client-link")).size() > 10);

        List<WebElement> legend = browser.driver().findElements(By.cssSelector("#gantt-legend li"));
        assertEquals(4, legend.size());
        for (String swatch : List.of("step-NEW_SERVER", "level-STANDARD", "level-PREMIUM", "from-drill")) {
            assertEquals(1, browser.driver().findElements(By.cssSelector("#gantt-legend .swatch." + swatch)).size(), swatch);
        }
        String legendText = browser.find(By.id("gantt-legend")).getText();
        assertTrue(legendText.contains("Premium") && legendText.contains("exercice") && legendText.contains("infrastructure"), legendText);

        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long scrollable = (Long) js.executeScript("const g = arguments[0]; return g.scrollHeight - g.clientHeight;", gantt);
        assertTrue(scrollable > 0, "the Gantt of GC-PROD-01 is taller than its region");
        // reach the region with Tab as a keyboard user does (from the PDF link just before it), then scroll it
        WebElement pdf = browser.find(By.id("pdf"));
        js.executeScript("arguments[0].focus();", pdf);
        int tabs = 0;
        while (!"gantt".equals(js.executeScript("return document.activeElement.id;")) && tabs++ < 10) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("gantt", js.executeScript("return document.activeElement.id;"), "the region takes the keyboard focus");
        browser.driver().switchTo().activeElement().sendKeys(Keys.PAGE_DOWN);
        browser.waitUntil(d -> ((Number) js.executeScript("return arguments[0].scrollTop;", gantt)).longValue() > 0);
        browser.screenshot("client-05-gantt-legend");

        // the order table names the client too
        assertTrue(browser.find(By.id("tenants")).getText().contains(DEMO_NAME));
    }
}
