package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.env.DemoTenants.CLIENT_SIREN;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Certificates in Chromium: staff issue one for the demo company, its client finds it on the dashboard and
 * downloads it from the portal, an anonymous visitor verifies it on /verify by the QR code's link and by uploading
 * the file (valid), then uploads a copy with one byte changed (refused); then staff re-evaluate and issue in batch,
 * watching the progress, and a second batch finds everyone already certified.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificatesJourneyIT extends BrowserJourney {

    private static String number;
    private static byte[] pdf;

    /** Runs after the base class started the browser (and waited for Keycloak). */
    @BeforeAll
    static void recordTheEvidenceTheDemoCompanyLacks() throws Exception {
        HttpResponse<String> fixture = Http.get(Http.HTTPS + "it/certificate-fixture");
        assertEquals(200, fixture.statusCode(), fixture.body());
        reportDemoEvidence();
    }

    /**
     * The evidence of rule R6 for the demo company's server, as the demo brings it (DemoAgent, off in the tests): through
     * the agent API, as reporters. The contractor reports a hypervisor snapshot and a verified backup to DC5, then
     * GC-PROD-01's agent its update: without this evidence of ours no certificate is issued.
     */
    static void reportDemoEvidence() throws Exception {
        String url = Http.HTTPS + "api/v1/public/agent/events";
        String u = java.util.UUID.randomUUID().toString().substring(0, 8);
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> contractor = Http.post(url, "application/json", "{\"events\":["
                + "{\"id\":\"it-snap-" + u + "\",\"kind\":\"snapshot\",\"server\":\"GC-PROD-01\",\"occurredAt\":\"" + now.minusSeconds(1200)
                + "\",\"snapshotId\":\"vm-snap-" + u + "\"},"
                + "{\"id\":\"it-backup-" + u + "\",\"kind\":\"backup\",\"server\":\"GC-PROD-01\",\"occurredAt\":\"" + now.minusSeconds(1800)
                + "\",\"tool\":\"restic\",\"bytes\":40000000000,\"archiveId\":\"it-" + u + "\",\"verified\":true,\"targetDataCentre\":\"DC5\"}]}",
                "X-Server-Token", "demo-reporter-token-netsyst");
        assertEquals(202, contractor.statusCode(), contractor.body());
        assertFalse(contractor.body().contains("FAILING"), contractor.body());
        HttpResponse<String> agent = Http.post(url, "application/json", "{\"events\":[{\"id\":\"it-update-" + u
                + "\",\"kind\":\"software_update\",\"occurredAt\":\"" + now.minusSeconds(600) + "\",\"packages\":\"openssl\"}]}",
                "X-Server-Token", "demo-monitoring-token-GC-PROD-01");
        assertEquals(202, agent.statusCode(), agent.body());
        assertTrue(agent.body().contains("\"verdict\":\"OK\""), agent.body());
    }

    @Test
    @Order(1)
    void staff_issue_a_certificate_for_the_demo_company() throws Exception {
        signInAt("admin/compliance/certificates.xhtml", "support.demo", "Gestan-Support-2026!");
        assertEquals("Attestations d’hébergement et de conformité", browser.find(By.tagName("h1")).getText());
        // a malformed SIREN: a clear message next to the field, not the error page (issue 21 item 4)
        browser.find(By.id("issue:siren")).sendKeys("12345");
        browser.find(By.id("issue:issue-button")).click();
        browser.waitUntil(d -> d.findElement(By.id("issue:siren-message")).getText().contains("Le SIREN doit comporter exactement 9 chiffres."));
        assertEquals("Attestations d’hébergement et de conformité", browser.find(By.tagName("h1")).getText(), "still the form");
        browser.screenshot("certificates-00-malformed-siren");
        browser.find(By.id("issue:siren")).clear();
        browser.find(By.id("issue:siren")).sendKeys(CLIENT_SIREN);
        browser.find(By.id("issue:issue-button")).click();
        browser.waitUntil(d -> !d.findElements(By.id("issued-number")).isEmpty() || !d.findElements(By.id("issue:blocking")).isEmpty()
                || !d.findElements(By.id("issue:supersede")).isEmpty());
        if (!browser.driver().findElements(By.id("issue:supersede")).isEmpty()) {
            // another suite certified the demo company on this database: replace it, as staff confirm
            browser.find(By.id("issue:supersede-confirm")).click();
            browser.waitUntil(d -> !d.findElements(By.id("issued-number")).isEmpty() || !d.findElements(By.id("issue:blocking")).isEmpty());
        }
        browser.screenshot("certificates-01-issued");
        assertTrue(browser.driver().findElements(By.id("issue:blocking")).isEmpty(),
                () -> "the demo company is blocked on this database: " + browser.find(By.id("issue:blocking")).getText());
        number = browser.find(By.id("issued-number")).getText();
        assertTrue(number.matches("GC-\\d{4}-\\d{6}"), number);
        browser.waitUntil(d -> d.findElement(By.id("certificates:list")).getText().contains(number));
        browser.screenshot("certificates-02-registry");
        // no sign-out: the next journey signs in support afresh (JourneysIT covers signing out)
    }

    /**
     * Issue 21 item 4: "Délivrer" again for a company holding a valid certificate asks first; confirmed, the new one
     * supersedes it, and /verify of the old number says "superseded by" with a link to its successor.
     */
    @Test
    @Order(2)
    void issuing_again_asks_then_supersedes_and_verify_says_superseded_by() throws Exception {
        signInAt("admin/compliance/certificates.xhtml", "support.demo", "Gestan-Support-2026!");
        browser.find(By.id("issue:siren")).sendKeys(CLIENT_SIREN);
        browser.find(By.id("issue:issue-button")).click();
        browser.waitUntil(d -> !d.findElements(By.id("issue:supersede")).isEmpty());
        assertTrue(browser.find(By.id("supersede-text")).getText().contains(number), () -> browser.find(By.id("supersede-text")).getText());
        assertTrue(browser.driver().findElements(By.id("issued-number")).isEmpty(), "nothing issued before the confirmation");
        browser.screenshot("certificates-01b-confirm-supersede");
        browser.find(By.id("issue:supersede-confirm")).click();
        browser.waitUntil(d -> !d.findElements(By.id("issued-number")).isEmpty());
        String old = number;
        number = browser.find(By.id("issued-number")).getText();
        assertNotEquals(old, number);

        browser.forgetAllSessions(); // an anonymous visitor now
        browser.open(Http.HTTPS + "verify?number=" + old);
        assertTrue(browser.find(By.id("result-superseded")).getText().contains("Remplacée par l’attestation N° " + number),
                () -> browser.find(By.id("result")).getText());
        browser.screenshot("certificates-01c-verify-superseded");
        browser.find(By.cssSelector("[id='result-superseded'] a")).click();
        browser.waitUntil(d -> d.findElement(By.id("result-number")).getText().equals(number));
        assertEquals("Attestation valide", browser.find(By.id("result-status")).getText());
    }

    @Test
    @Order(3)
    void the_client_finds_it_on_the_dashboard_and_downloads_it_from_the_portal() throws Exception {
        String base = Http.HTTPS;
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        assertEquals(number, browser.find(By.id("certificate-number")).getText());
        browser.screenshot("certificates-03-portal-tile");
        browser.open(base + "portal/certificates.xhtml");
        assertEquals("Mes attestations", browser.find(By.tagName("h1")).getText());
        assertTrue(browser.find(By.id("mine")).getText().contains(number));
        browser.screenshot("certificates-04-portal-list");

        // the download link, fetched with the browser's session (headless Chromium does not save files for us)
        String href = browser.find(By.cssSelector("[id='mine'] a.cert-download")).getAttribute("href");
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> download = Http.getBytes(href, "Cookie", "JSESSIONID=" + session.getValue());
        assertEquals(200, download.statusCode());
        assertEquals("attachment; filename=\"attestation-" + number + ".pdf\"", download.headers().firstValue("Content-Disposition").orElse(""));
        pdf = download.body();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        signOut();
    }

    @Test
    @Order(4)
    void an_anonymous_visitor_verifies_it_by_link_and_by_file_and_a_modified_copy_is_refused() throws Exception {
        String base = Http.HTTPS;
        browser.forgetAllSessions();
        browser.open(base + "verify?number=" + number);
        assertEquals("Attestation valide", browser.find(By.id("result-status")).getText());
        assertTrue(browser.driver().findElements(By.id("result-tenant")).isEmpty(), "by number: no company (numbers can be walked)");
        browser.screenshot("certificates-05-verify-link");

        Path file = Files.createTempFile("attestation-", ".pdf");
        Files.write(file, pdf);
        browser.open(base + "verify");
        browser.find(By.id("upload:file")).sendKeys(file.toString());
        submitUpload();
        browser.screenshot("certificates-06-verify-file-valid");
        assertTrue(!browser.driver().findElements(By.id("file-ours")).isEmpty(), () -> browser.driver().findElement(By.tagName("main")).getText());
        assertTrue(browser.find(By.id("file-ours")).getText().contains("Ce fichier exact a été délivré par Gestan Cloud"));
        assertEquals("Attestation valide", browser.find(By.id("result-status")).getText());
        assertEquals(number, browser.find(By.id("result-number")).getText());
        assertTrue(browser.find(By.id("result-tenant")).getText().startsWith("Boulangerie Martin"), "the holder of the file sees the company");

        byte[] altered = pdf.clone();
        String latin = new String(pdf, StandardCharsets.ISO_8859_1);
        int i = latin.indexOf('(', latin.indexOf("/Producer")) + 2;
        altered[i] = (byte) (altered[i] == 'x' ? 'y' : 'x');
        Path modified = Files.createTempFile("attestation-modifiee-", ".pdf");
        Files.write(modified, altered);
        browser.open(base + "verify");
        browser.find(By.id("upload:file")).sendKeys(modified.toString());
        submitUpload();
        assertTrue(browser.find(By.id("file-result")).getText().contains("n’est pas une attestation délivrée par Gestan Cloud"));
        assertTrue(browser.driver().findElements(By.id("result-status")).isEmpty());
        browser.screenshot("certificates-07-verify-file-refused");

        // the same through the public REST API
        HttpResponse<String> api = Http.postBytes(base + "api/v1/public/certificates/verification", "application/pdf", pdf);
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().contains("\"issuedByUs\":true") && api.body().contains(number), api.body());
        HttpResponse<String> apiAltered = Http.postBytes(base + "api/v1/public/certificates/verification", "application/pdf", altered);
        assertTrue(apiAltered.body().contains("\"issuedByUs\":false"), apiAltered.body());
        HttpResponse<String> byNumber = Http.get(base + "api/v1/public/certificates/" + number);
        assertTrue(byNumber.body().contains("\"status\":\"VALID\""), byNumber.body());
        assertFalse(byNumber.body().contains("Boulangerie") || byNumber.body().contains("842317653"), "no company by number: " + byNumber.body());
        Files.deleteIfExists(file);
        Files.deleteIfExists(modified);
    }

    @Test
    @Order(5)
    void the_rest_api_lists_downloads_reissues_and_revokes_and_is_in_the_openapi_document() throws Exception {
        String base = Http.HTTPS;
        String client = KeycloakFixture.clientBearer();
        String support = KeycloakFixture.supportBearer();

        HttpResponse<String> mine = Http.get(base + "api/v1/me/certificates", "Authorization", client);
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(mine.body().contains("\"number\":\"" + number + "\""), mine.body());
        HttpResponse<byte[]> file = Http.getBytes(base + "api/v1/me/certificates/" + number + "/pdf", "Authorization", client);
        assertEquals(200, file.statusCode());
        assertTrue(java.util.Arrays.equals(pdf, file.body()), "the same bytes as the portal's download");
        assertEquals("attachment; filename=\"attestation-" + number + ".pdf\"", file.headers().firstValue("Content-Disposition").orElse(""),
                "the same name as the portal's download");
        assertEquals("no-store", file.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(403, Http.get(base + "api/v1/certificates", "Authorization", client).statusCode());

        // Bad input: a localised JSON error naming the field, never the framework's plain-text report.
        HttpResponse<String> noSiren = Http.post(base + "api/v1/certificates", "application/json", "{}",
                "Authorization", support, "Accept-Language", "fr");
        assertEquals(400, noSiren.statusCode(), noSiren.body());
        // A value the service refuses is bad input: application/problem+json naming the field (and every field in "fields").
        assertTrue(noSiren.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), noSiren.body());
        assertTrue(noSiren.body().contains("\"field\":\"tenantSiren\""), noSiren.body());
        assertTrue(noSiren.body().contains("{\"field\":\"tenantSiren\",\"message\":\"Le SIREN est obligatoire.\"}"), noSiren.body());

        // a malformed SIREN: the same, naming the field
        HttpResponse<String> malformed = Http.post(base + "api/v1/certificates", "application/json", "{\"tenantSiren\":\"12345\"}",
                "Authorization", support, "Accept-Language", "fr");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), malformed.body());
        assertTrue(malformed.body().contains("{\"field\":\"tenantSiren\",\"message\":\"Le SIREN doit comporter exactement 9 chiffres.\"}"),
                malformed.body());
        // issuing again for a company holding a valid certificate: 409 naming it, until the caller confirms (supersede)
        HttpResponse<String> held = Http.post(base + "api/v1/certificates", "application/json", "{\"tenantSiren\":\"" + CLIENT_SIREN + "\"}",
                "Authorization", support);
        assertEquals(409, held.statusCode(), held.body());
        assertTrue(held.body().contains("\"reason\":\"VALID_EXISTS\"") && held.body().contains("\"validCertificate\":\"" + number + "\""), held.body());

        HttpResponse<String> list = Http.get(base + "api/v1/certificates?siren=" + CLIENT_SIREN + "&status=VALID", "Authorization", support);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains(number), list.body());
        HttpResponse<String> reissued = Http.post(base + "api/v1/certificates/" + number + "/reissue", "application/json", "",
                "Authorization", support);
        assertEquals(201, reissued.statusCode(), reissued.body());
        String successor = reissued.body().replaceAll(".*\"number\":\"(GC-[0-9-]+)\".*", "$1");
        assertTrue(successor.matches("GC-\\d{4}-\\d{6}") && !successor.equals(number), reissued.body());
        HttpResponse<String> old = Http.get(base + "api/v1/public/certificates/" + number);
        assertTrue(old.body().contains("\"status\":\"REVOKED\"") && old.body().contains("\"supersededBy\":\"" + successor + "\""), old.body());
        HttpResponse<String> revoked = Http.post(base + "api/v1/certificates/" + successor + "/revocation", "application/json",
                "{\"reason\":\"Essai de l'API\"}", "Authorization", support);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(revoked.body().contains("\"status\":\"REVOKED\""), revoked.body());
        HttpResponse<String> again = Http.post(base + "api/v1/certificates/" + successor + "/revocation", "application/json",
                "{\"reason\":\"encore\"}", "Authorization", support);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("ALREADY_REVOKED"), again.body());

        String openapi = Http.get(base + "openapi").body();
        for (String path : new String[] {"/api/v1/me/certificates", "/api/v1/me/certificates/{number}/pdf", "/api/v1/certificates",
                "/api/v1/certificates/{number}/revocation", "/api/v1/public/certificates/verification"}) {
            assertTrue(openapi.contains(path + ":"), () -> path + " missing from the OpenAPI document");
        }
    }

    @Test
    @Order(6)
    void staff_reevaluate_then_issue_in_batch_watching_the_progress_and_a_second_batch_issues_nothing() throws Exception {
        String base = Http.HTTPS;
        signInAt("admin/compliance/index.xhtml", "support.demo", "Gestan-Support-2026!");
        browser.find(By.id("dashboard:reevaluate")).click();
        browser.waitUntil(d -> d.findElement(By.id("dashboard")).getText().contains("Tous les clients ont été réévalués"));

        browser.open(base + "admin/compliance/certificates.xhtml");
        assertEquals("Émission groupée", browser.find(By.cssSelector("[id='batch'] h2")).getText());
        browser.find(By.id("batch:start")).click();
        browser.find(By.cssSelector("[id='batch:progress-status']"));
        browser.screenshot("certificates-08-batch-running");
        browser.waitUntil(d -> d.findElement(By.id("batch:progress-status")).getText().contains("Émission groupée terminée."));
        browser.screenshot("certificates-09-batch-done");
        int[] first = tally();
        // the demo company passes the rules and its certificates were revoked above: the batch certifies it
        assertTrue(first[1] >= 1, () -> browser.find(By.id("batch-tally")).getText());
        assertTrue(browser.find(By.id("batch-tally")).getText().contains("Lancée par support.demo"));
        assertTrue(browser.find(By.id("batch:start")).isEnabled(), "the button comes back once the batch is done");
        HttpResponse<String> valid = Http.get(base + "api/v1/certificates?siren=" + CLIENT_SIREN + "&status=VALID",
                "Authorization", KeycloakFixture.supportBearer());
        assertTrue(valid.body().contains("\"issuedBy\":\"support.demo\""), valid.body());

        org.openqa.selenium.WebElement previous = browser.find(By.id("batch:progress-status"));
        browser.find(By.id("batch:start")).click();
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(previous)::apply);
        browser.waitUntil(d -> d.findElement(By.id("batch:progress-status")).getText().contains("Émission groupée terminée."));
        int[] second = tally();
        assertEquals(0, second[1], () -> browser.find(By.id("batch-tally")).getText());
        assertTrue(second[2] >= first[1] + first[2], () -> browser.find(By.id("batch-tally")).getText());
    }

    @Test
    @Order(7)
    void the_batch_is_started_and_followed_through_rest_by_staff_only() throws Exception {
        String base = Http.HTTPS + "api/v1/certificates/batch";
        String client = KeycloakFixture.clientBearer();
        String support = KeycloakFixture.supportBearer();
        assertEquals(403, Http.post(base, "application/json", "", "Authorization", client).statusCode());
        assertEquals(403, Http.get(base, "Authorization", client).statusCode());

        HttpResponse<String> started = Http.post(base, "application/json", "", "Authorization", support);
        assertEquals(202, started.statusCode(), started.body());
        assertEquals("/api/v1/certificates/batch", started.headers().firstValue("Location").orElse(""));
        assertTrue(started.body().contains("\"startedBy\":\"support.demo\""), started.body());
        HttpResponse<String> status = Http.get(base, "Authorization", support);
        for (int i = 0; i < 60 && status.body().contains("\"state\":\"RUNNING\""); i++) {
            Thread.sleep(500);
            status = Http.get(base, "Authorization", support);
        }
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("\"state\":\"SUCCEEDED\"") && status.body().contains("\"percent\":100"), status.body());
        assertTrue(status.body().contains("\"issued\":0,"), "the browser's batch certified everyone already: " + status.body());
        assertTrue(Http.get(Http.HTTPS + "openapi").body().contains("/api/v1/certificates/batch:"), "batch missing from the OpenAPI document");
    }

    /** The batch tally as shown: looked at, issued, already valid, without contract, refused. */
    private int[] tally() {
        String text = browser.find(By.id("batch-tally")).getText().replaceAll("[\\s\u00A0\u202F]+", " ");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "Examinés : (\\d+) · délivrées : (\\d+) · déjà valides : (\\d+) · sans contrat : (\\d+) · refusées : (\\d+)").matcher(text);
        assertTrue(m.find(), text);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5))};
    }

    /** A full-page post (multipart): waits for the new page. */
    private void submitUpload() {
        browser.clickAndWaitForReplacement(By.id("upload:check-file"));
        browser.find(By.id("main"));
    }
}
