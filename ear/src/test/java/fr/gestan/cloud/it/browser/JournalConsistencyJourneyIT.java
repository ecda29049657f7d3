package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.JournalTamper;
import fr.gestan.cloud.it.support.RoleCaller;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The client's journal page in Chromium: each entry's position and the checkpoint that includes it, its inclusion
 * proof one click away, and the in-browser consistency check against the checkpoint the browser kept: none after a
 * consistent growth, a red warning naming both checkpoints after the log was rewritten in SQL (test-only
 * {@link JournalLogFixtureServlet}).
 */
@ExtendWith(ArquillianExtension.class)
@Disabled("Its one run (2026-12-03) failed at the first verdict: the page's script reported 'TypeError: Failed to fetch'."
        + " The script fetches /journal/checkpoint in a local headless Chromium over HTTPS; suspected: the test reloaded"
        + " the page while the first load's fetch was in flight (now waited for, and ignored by the script on pagehide)."
        + " Enable once it passes (docs/security.md).")
class JournalConsistencyJourneyIT extends BrowserJourney {

    private static final String PAGE = "portal/security/journal.xhtml";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.fullEar();
        ear.getAsType(WebArchive.class, "gestan-web.war").addClasses(JournalLogFixtureServlet.class, AsAdmin.class,
                RoleCaller.class, Call.class, JournalTamper.class);
        return ear;
    }

    private static long fixture(String step) throws Exception {
        HttpResponse<String> answer = Http.get(Http.HTTPS + "it/journal-log?step=" + step);
        assertEquals(200, answer.statusCode(), answer.body());
        return Long.parseLong(answer.body().trim());
    }

    /** Opens the page and waits for the script's verdict. */
    private static String verdict() {
        browser.open(Http.HTTPS + PAGE);
        return verdictShown();
    }

    /** Waits for the script's verdict on the page shown (the browser's console after it, for a failure's message). */
    private static String verdictShown() {
        browser.waitUntil(d -> d.findElement(By.id("journal-consistency")).getAttribute("data-state") != null);
        return browser.find(By.id("journal-consistency-result")).getText() + " | console: " + browser.console();
    }

    private static String state() {
        return browser.find(By.id("journal-consistency")).getAttribute("data-state");
    }

    @Test
    void a_client_sees_positions_and_proofs_and_its_browser_warns_when_the_log_is_rewritten() throws Exception {
        long first = fixture("grow");
        signInAt(PAGE, "client.demo", "Gestan-Client-2026!");
        String seen = verdictShown(); // on the page signed in to: no reload while its script still fetches
        assertEquals("consistent", state(), seen);
        assertTrue(seen.startsWith("Premier point de contrôle vu par ce navigateur (taille "), seen);
        byte[] script = Files.readAllBytes(Path.of("../web/src/main/webapp/journal/journal-consistency-v1.js"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script)),
                browser.find(By.id("journal-script-sha256")).getText(), "the published script's SHA-256 is shown");
        String docs = Files.readString(Path.of("../docs/security.md"));
        assertTrue(docs.contains(browser.find(By.id("journal-script-sha256")).getText()), "and given in docs/security.md");

        // Each entry: its position, the checkpoint that includes it, and its proof one click away.
        WebElement included = browser.find(By.cssSelector(".included"));
        assertTrue(included.getText().matches("inclus dans le point n° \\d+ \\(taille \\d+\\)"), included.getText());
        browser.find(By.cssSelector("a[id$='proof-link']")).click();
        String position = browser.waitUntil(d -> d.findElement(By.id("proof-position")).getText());
        assertTrue(position.matches("Position \\d+ dans l’arbre de taille \\d+"), position);
        assertTrue(browser.find(By.id("proof-checkpoint")).getText().contains("\u2014 "), "the signed checkpoint is shown");
        assertFalse(browser.driver().findElements(By.cssSelector("#proof-path li")).isEmpty(), "an audit path (the log holds more than one entry)");
        browser.screenshot("journal-01-portal-positions-and-proof");

        // A consistent growth: no warning.
        long grown = fixture("grow");
        assertTrue(grown > first);
        String consistent = verdict();
        assertEquals("consistent", state(), consistent);
        assertTrue(consistent.startsWith("Journal cohérent"), consistent);
        assertTrue(browser.driver().findElements(By.cssSelector(".journal-warning")).isEmpty());

        // The log rewritten behind the client's back: a red warning naming the kept and the current checkpoints.
        fixture("rewrite");
        String warning = verdict();
        assertEquals("warning", state(), warning);
        assertTrue(warning.startsWith("ALERTE : le journal a été réécrit"), warning);
        assertEquals(2, warning.split("\\(taille \\d+, racine [0-9a-f]{64}\\)", -1).length - 1, "both checkpoints named: " + warning);
        assertTrue(browser.find(By.cssSelector(".journal-warning")).isDisplayed());
        browser.screenshot("journal-02-portal-rewritten-log-warning");
        // The warning stays: the kept checkpoint is not replaced by the rewritten log's.
        verdict();
        assertEquals("warning", state());
    }
}
