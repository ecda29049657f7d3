package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Hosting in Chromium against the whole EAR: the public status page, its archive, feed and JSON, the monitoring
 * ingest, an incident's lifecycle from the back office to the public page, the recovery plan and its PDF, and
 * the client's own hosting page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostingJourneysIT extends BrowserJourney {

    private static final String DEMO_TOKEN = "demo-monitoring-token-GC-PROD-01";

    private String base;

    @BeforeEach
    void base() {
        base = Http.HTTPS; // pages are HTTPS-only; the public API also answers on plain HTTP (Http.HTTP)
    }

    @Test
    @Order(1)
    void anyone_sees_the_server_status_with_a_90_day_bar_and_the_archive() throws Exception {
        browser.open(base + "status");
        assertEquals("État des serveurs", browser.find(By.tagName("h1")).getText());
        WebElement prod1 = browser.find(By.id("component-GC-PROD-01"));
        // 90 days, a run of like days per element (class nN for N days); the newest run's title names today
        List<WebElement> runs = prod1.findElements(By.cssSelector(".uptime-bar .day"));
        int days = 0;
        for (WebElement run : runs) {
            Matcher n = Pattern.compile("\\bn(\\d+)\\b").matcher(run.getAttribute("class"));
            days += n.find() ? Integer.parseInt(n.group(1)) : 1;
        }
        assertEquals(90, days, "the runs cover the 90 days");
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        assertTrue(runs.get(runs.size() - 1).getAttribute("title").contains(today), "the day's detail stays on its run");
        assertTrue(prod1.findElement(By.cssSelector(".uptime-bar")).getAttribute("aria-label").contains(today),
                "a screen reader hears every run");
        assertTrue(browser.find(By.id("components")).getText().contains("GC-BKP-01"));
        assertTrue(browser.find(By.id("maintenances")).getText().contains("Mise à jour du système"), "upcoming maintenance shown ahead");
        browser.screenshot("hosting-01-status-fr");

        // the demo's resolved incident, 41 days ago, is in its month's archive with all its steps
        String month = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(41).toString().substring(0, 7);
        browser.open(base + "status-archive.xhtml?month=" + month);
        WebElement archive = browser.find(By.id("archive"));
        assertTrue(archive.getText().contains("Lenteurs d’accès au bureau à distance") || archive.getText().contains("Lenteurs d'accès"), archive.getText());
        assertTrue(archive.getText().contains("Résolu") && archive.getText().contains("Analyse en cours"), archive.getText());
        browser.screenshot("hosting-02-status-archive");
    }

    @Test
    @Order(2)
    void the_status_json_and_atom_feed_need_no_sign_in() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(Http.HTTPS + "api/v1/public/status")).GET());
        assertEquals(200, json.statusCode(), json::body);
        assertTrue(json.body().contains("\"components\"") && json.body().contains("GC-PROD-01"), json.body());
        HttpResponse<String> atom = send(HttpRequest.newBuilder(URI.create(Http.HTTPS + "api/v1/public/status/feed.atom")).GET());
        assertEquals(200, atom.statusCode());
        assertTrue(atom.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        assertTrue(atom.body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"") && atom.body().contains("<entry>"), atom.body());
    }

    @Test
    @Order(3)
    void metrics_are_accepted_with_the_servers_token_and_refused_with_problem_bodies() throws Exception {
        long id = serverId("GC-PROD-01");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> ok = postMetrics(id, DEMO_TOKEN, "{\"cpuPercent\":23.5,\"diskPercent\":41,\"memoryPercent\":62,\"measuredAt\":\"" + now + "\"}");
        assertEquals(202, ok.statusCode(), ok::body);
        assertTrue(ok.body().contains("\"state\":\"OPERATIONAL\""), ok.body());

        HttpResponse<String> wrong = postMetrics(id, "wrong-token", "{\"cpuPercent\":1,\"diskPercent\":1,\"memoryPercent\":1,\"measuredAt\":\"" + now + "\"}");
        assertEquals(401, wrong.statusCode(), wrong::body);
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(wrong.body().contains("\"status\":401"), wrong.body());

        String future = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> ahead = postMetrics(id, DEMO_TOKEN, "{\"cpuPercent\":1,\"diskPercent\":1,\"memoryPercent\":1,\"measuredAt\":\"" + future + "\"}");
        assertEquals(400, ahead.statusCode(), ahead::body);
        assertTrue(ahead.body().contains("future-measurement"), ahead.body());
        HttpResponse<String> range = postMetrics(id, DEMO_TOKEN, "{\"cpuPercent\":180,\"diskPercent\":1,\"memoryPercent\":1,\"measuredAt\":\"" + now + "\"}");
        assertEquals(400, range.statusCode(), range::body);
        assertTrue(range.body().contains("out-of-range"), range.body());
        HttpResponse<String> garbage = postMetrics(id, DEMO_TOKEN, "not json");
        assertEquals(400, garbage.statusCode(), garbage::body);
        assertEquals(401, postMetrics(id, null, "{}").statusCode());
    }

    @Test
    @Order(4)
    void an_incident_declared_in_the_back_office_goes_public_then_resolves() throws Exception {
        signInAt("admin/hosting/status.xhtml", "support.demo", "Gestan-Support-2026!");
        String title = "Coupure réseau " + System.nanoTime() % 100000;
        browser.find(By.id("open:title")).sendKeys(title);
        browser.find(By.xpath("//table[@id='open:servers']//label[contains(normalize-space(.),'GC-PROD-03')]")).click();
        browser.find(By.id("open:message")).sendKeys("Nous analysons une perte de connexion.");
        browser.find(By.id("open:submit")).click();
        browser.waitUntil(d -> d.findElement(By.id("incidents")).getText().contains(title));
        browser.screenshot("hosting-03-incident-declared");

        browser.open(base + "status");
        assertTrue(browser.find(By.id("active-incidents")).getText().contains(title));
        assertEquals("Performances dégradées", browser.find(By.cssSelector("#component-GC-PROD-03 .component-state")).getText());
        browser.screenshot("hosting-04-status-with-incident");

        browser.open(base + "admin/hosting/status.xhtml");
        Select incident = new Select(browser.find(By.id("update:incident")));
        incident.getOptions().stream().filter(o -> o.getText().contains(title)).findFirst().orElseThrow().click();
        new Select(browser.find(By.id("update:state"))).selectByValue("RESOLVED");
        browser.find(By.id("update:umessage")).sendKeys("Liaison rétablie.");
        browser.find(By.id("update:post")).click();
        browser.waitUntil(d -> d.findElement(By.id("incidents")).getText().contains("Liaison rétablie."));

        browser.open(base + "status");
        assertTrue(browser.find(By.id("recent-incidents")).getText().contains(title));
        assertTrue(browser.driver().findElements(By.id("active-incidents")).isEmpty()
                || !browser.find(By.id("active-incidents")).getText().contains(title));
        assertEquals("Opérationnel", browser.find(By.cssSelector("#component-GC-PROD-03 .component-state")).getText());
    }

    @Test
    @Order(5)
    void staff_see_the_recovery_timeline_and_export_it_as_pdf() throws Exception {
        browser.open(base + "admin/hosting/recovery.xhtml");
        browser.find(By.linkText("GC-PROD-01")).click(); // other suites may have added production servers
        browser.waitUntil(d -> d.findElement(By.id("plan-title")).getText().startsWith("GC-PROD-01"));
        assertTrue(browser.find(By.cssSelector(".gantt")).findElements(By.cssSelector(".gantt-row")).size() > 40);
        browser.screenshot("hosting-05-recovery-plan");
        // the durations are read by every staff member; the forms wait for their links (?form=), not drawn on every view
        assertTrue(browser.find(By.id("settings-values")).getText().contains("(min)"), browser.find(By.id("settings-values")).getText());
        assertTrue(browser.driver().findElements(By.id("open-settings")).isEmpty(), "changing the durations is for admins");
        assertTrue(browser.driver().findElements(By.id("drill")).isEmpty(), "the drill's form waits for its link");
        // the restore order (more than 25 clients here, as the Gantt's rows say): a plain table of 25 rows whose pages
        // are plain links on the same server's plan
        assertEquals(25, browser.find(By.id("tenants")).findElements(By.cssSelector("tbody tr")).size());
        assertEquals("1", browser.find(By.cssSelector("#tenants tbody tr td")).getText());
        browser.find(By.cssSelector("#tenants-pages a.pager-next")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("page=2"));
        assertTrue(browser.find(By.id("plan-title")).getText().startsWith("GC-PROD-01"), "the same server's plan");
        assertEquals("26", browser.find(By.cssSelector("#tenants tbody tr td")).getText());
        assertTrue(browser.find(By.cssSelector("#tenants-pages .pager-current")).getText().matches("\\(2 sur \\d+\\)"));
        browser.find(By.id("open-drill")).click();
        browser.find(By.id("drill:record"));
        assertTrue(browser.find(By.id("plan-title")).getText().startsWith("GC-PROD-01"), "the same server's plan");
        assertTrue(browser.driver().findElements(By.id("open-drill")).isEmpty(), "its link is gone once the form is open");
        String href = browser.find(By.id("pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = Http.getBytes(href, "Cookie", cookies());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4));
        assertTrue(pdf.body().length > 5_000);

        browser.open(base + "admin/hosting/");
        assertTrue(browser.find(By.id("datacentres")).getText().contains("ISO/IEC 27001"));
        assertTrue(browser.find(By.id("operators")).getText().contains("Scaleway SAS"));
        assertTrue(browser.find(By.id("servers-table")).getText().contains("GC-BKP-02"));
        // the servers' pages are plain links (?size=&page=: no AJAX post, performance.md "hosting pages (pages11h)")
        assertTrue(browser.find(By.cssSelector("#servers-pages .pager-current")).getText().matches("\\(1 sur \\d+\\)"),
                browser.find(By.id("servers-pages")).getText());
        assertTrue(browser.driver().findElements(By.cssSelector("#servers form, #servers .ui-datatable")).isEmpty(), "no form, no PrimeFaces table");
        browser.find(By.cssSelector("#servers-sizes a[href*='size=50']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("size=50"));
        assertEquals("50", browser.find(By.cssSelector("#servers-sizes [aria-current]")).getText());
        assertTrue(browser.find(By.id("servers-table")).getText().contains("GC-BKP-02"));
        // a row's metrics: a plain link to the page with ?server= (no command link per row, performance.md 4.17)
        browser.find(By.xpath("//*[@id='servers-table']//tr[.//span[@class='server-name' and text()='GC-BKP-02']]"
                + "//a[normalize-space(.)='Mesures']")).click();
        browser.waitUntil(d -> d.findElement(By.cssSelector("#metrics h3")).getText().contains("GC-BKP-02"));
        assertTrue(browser.driver().findElements(By.id("metrics:token")).isEmpty(), "a new monitoring token is for admins");
        assertTrue(browser.driver().findElements(By.id("add-operator")).isEmpty(), "adding operators is for admins");
        assertTrue(browser.driver().findElements(By.id("open-operator")).isEmpty(), "so is its link");
        browser.open(base + "admin/hosting/?form=operator");
        browser.find(By.id("operators"));
        assertTrue(browser.driver().findElements(By.id("add-operator")).isEmpty(), "even asked for by its address");

        browser.open(base + "admin/hosting/contracts.xhtml");
        String proposal = browser.find(By.id("proposal")).getText();
        assertTrue(proposal.matches("(?s).*\\(\\d+ / \\d+\\).*"), proposal); // the least-loaded server with its load
        signOut();
    }

    @Test
    @Order(6)
    void a_client_sees_its_own_hosting_only() throws Exception {
        signInAt("portal/hosting.xhtml", "client.demo", "Gestan-Client-2026!");
        assertTrue(Integer.parseInt(browser.find(By.cssSelector(".recovery-position")).getText()) >= 1);
        assertFalse(browser.find(By.cssSelector(".recovery-estimate")).getText().isBlank());
        String servers = browser.find(By.id("my-servers")).getText();
        assertTrue(servers.contains("GC-PROD-01") && servers.contains("GC-BKP-01"), servers);
        assertFalse(servers.contains("GC-PROD-02"), servers);
        browser.screenshot("hosting-06-portal-hosting");
        // the back office's PDF is not for clients
        HttpResponse<String> pdf = Http.get(base + "admin/hosting/recovery.pdf?server=1", "Cookie", cookies());
        assertEquals(403, pdf.statusCode());
        signOut();
    }

    /**
     * Issue 21 item 4: "Consulter" (reveal a hosted credential) with an empty reason did nothing and said nothing; it
     * now says the reason is required next to the field, and a too short one gets the service's own message there.
     */
    @Test
    @Order(7)
    void revealing_a_credential_without_a_reason_says_the_reason_is_required() throws Exception {
        assertEquals(200, Http.get(base + "it/certificate-fixture").statusCode());
        String list = Http.get(base + "api/v1/tenants?q=842317653", "Authorization", fr.gestan.cloud.it.env.KeycloakFixture.supportBearer()).body();
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(list);
        assertTrue(id.find(), list);
        signInAt("admin/tenants/", "support.demo", "Gestan-Support-2026!");
        browser.open(base + "admin/tenants/edit.xhtml?id=" + id.group(1));
        browser.find(By.id("accounts-card"));
        if (browser.driver().findElements(By.id("reveal:reveal-button")).isEmpty()) {
            // no hosted account yet: support creates one (its secret shown once)
            browser.find(By.id("accounts:holderName")).sendKeys("Compte comptable démo");
            browser.clickAndWaitForReplacement(By.id("accounts:create-account"));
        }
        browser.find(By.id("reveal:reason")).clear();
        browser.find(By.id("reveal:reveal-button")).click();
        String message = reasonMessage(m -> m.contains("Indiquez la raison de la consultation"));
        assertTrue(message.contains("Indiquez la raison de la consultation"), message);
        assertTrue(browser.driver().findElements(By.id("shown-secret")).isEmpty(), "nothing revealed");
        browser.screenshot("hosting-07-reveal-without-reason");

        // too short: the service's own check, next to the same field
        browser.find(By.id("reveal:reason")).sendKeys("court");
        browser.find(By.id("reveal:reveal-button")).click();
        assertEquals("La raison est comprise entre 10 et 500 caractères.",
                reasonMessage(m -> m.equals("La raison est comprise entre 10 et 500 caractères.")));
        assertTrue(browser.driver().findElements(By.id("shown-secret")).isEmpty(), "nothing revealed");
        signOut();
    }

    // The reason's message once the form came back with it: the form is replaced as a whole, and Chromium may answer
    // "node does not belong to the document" for an element read while it is swapped, so each look starts afresh.
    private static String reasonMessage(java.util.function.Predicate<String> expected) {
        try {
            return browser.waitUntil(d -> {
                try {
                    String text = d.findElement(By.id("reveal:reason-message")).getText();
                    return expected.test(text) ? text : null;
                } catch (org.openqa.selenium.WebDriverException swapped) {
                    return null;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            return browser.driver().findElements(By.id("reveal:reason-message")).stream().map(WebElement::getText)
                    .findFirst().orElse("(no message)");
        }
    }

    private long serverId(String name) throws Exception {
        String json = send(HttpRequest.newBuilder(URI.create(Http.HTTPS + "api/v1/public/status")).GET()).body()
                .replaceAll("\"days\":\\[[^\\]]*\\]", "");
        Matcher component = Pattern.compile("\\{[^{}]*\"name\":\"" + name + "\"[^{}]*\\}").matcher(json);
        assertTrue(component.find(), json);
        Matcher id = Pattern.compile("\"serverId\":(\\d+)").matcher(component.group());
        assertTrue(id.find(), component.group());
        return Long.parseLong(id.group(1));
    }

    private HttpResponse<String> postMetrics(long id, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.HTTPS + "api/v1/public/servers/" + id + "/metrics"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Server-Token", token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return Http.send(request);
    }

    private String cookies() {
        StringBuilder header = new StringBuilder();
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            header.append(header.length() == 0 ? "" : "; ").append(cookie.getName()).append('=').append(cookie.getValue());
        }
        return header.toString();
    }
}
