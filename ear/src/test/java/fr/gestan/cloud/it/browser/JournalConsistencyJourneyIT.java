package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The client's journal page in Chromium: each entry's position and the checkpoint that includes it, its inclusion
 * proof one click away, and the in-browser consistency check against the checkpoint the browser kept: none after a
 * consistent growth, a red warning naming both checkpoints after the log was rewritten in SQL (test-only
 * {@link JournalLogFixtureServlet}).
 */
@ExtendWith(ArquillianExtension.class)
class JournalConsistencyJourneyIT extends BrowserJourney {

    private static final String PAGE = "portal/security/journal.xhtml";

    private static long fixture(String step) throws Exception {
        HttpResponse<String> answer;
        try {
            answer = Http.get(Http.HTTPS + "it/journal-log?step=" + step);
        } catch (HttpConnectTimeoutException firstHandshake) {
            // The server's first HTTPS connection makes it generate its self-signed certificate: slow on a loaded machine.
            answer = Http.get(Http.HTTPS + "it/journal-log?step=" + step);
        }
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

    private static JavascriptExecutor script() {
        return (JavascriptExecutor) browser.driver();
    }

    /** Downloads what a link of the page offers (a blob the script made), as the client would save it, and reads it. */
    private static String downloaded(String linkId) throws Exception {
        WebElement link = browser.find(By.id(linkId));
        assertTrue(link.isDisplayed(), linkId + " is offered");
        String name = link.getAttribute("download");
        assertTrue(name.matches("journal-checkpoint-\\d+\\.txt"), name);
        Path folder = Files.createTempDirectory("journal-download-"); // one per download: two may bear one name
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
        link.click();
        Path file = folder.resolve(name);
        browser.waitUntil(d -> Files.isRegularFile(file) ? file : null);
        return browser.waitUntil(d -> {
            try {
                String text = Files.readString(file);
                return text.endsWith("\n") ? text : null;
            } catch (java.io.IOException stillWritten) {
                return null;
            }
        });
    }

    /** Gives a kept checkpoint to the page's "check a checkpoint you kept" box (pasted, or as a file) and waits for its verdict. */
    private static String checkGiven(String checkpoint, boolean asFile) throws Exception {
        script().executeScript("document.getElementById('journal-given-note').value = '';"
                + " document.getElementById('journal-given').removeAttribute('data-state');");
        if (asFile) {
            Path file = Files.createTempFile("journal-checkpoint-", ".txt");
            Files.writeString(file, checkpoint);
            browser.find(By.id("journal-given-file")).sendKeys(file.toAbsolutePath().toString());
            browser.waitUntil(d -> !d.findElement(By.id("journal-given-note")).getAttribute("value").isEmpty());
        } else {
            browser.find(By.id("journal-given-note")).sendKeys(checkpoint);
        }
        browser.find(By.id("journal-given-check")).click();
        browser.waitUntil(d -> d.findElement(By.id("journal-given")).getAttribute("data-state") != null);
        return browser.find(By.id("journal-given")).getAttribute("data-state") + " | "
                + browser.find(By.id("journal-given-result")).getText() + " | console: " + browser.console();
    }

    @Test
    void a_client_sees_positions_and_proofs_and_its_browser_warns_when_the_log_is_rewritten() throws Exception {
        long first = fixture("grow");
        signInAt(PAGE, "client.demo", "Gestan-Client-2026!");
        String seen = verdictShown(); // on the page signed in to: no reload while its script still fetches
        assertEquals("consistent", state(), seen);
        assertTrue(seen.startsWith("Premier point de contrôle vu par ce navigateur (taille "), seen);
        byte[] script = Files.readAllBytes(Path.of("../web/src/main/webapp/journal/journal-consistency-v3.js"));
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
        // The client downloads the checkpoint this browser saw: the signed note of the log as it stood.
        String firstSeen = downloaded("journal-kept-download");
        assertTrue(firstSeen.matches("(?s)[^\\n]+\\n\\d+\\n[A-Za-z0-9+/=]{44}\\n\\n\u2014 .*"), firstSeen);
        long firstSize = Long.parseLong(firstSeen.split("\n")[1]); // the live signer may have signed more since the fixture
        assertTrue(firstSize >= first, firstSeen);

        // A consistent growth: no warning.
        long grown = fixture("grow");
        assertTrue(grown > first);
        String consistent = verdict();
        assertEquals("consistent", state(), consistent);
        assertTrue(consistent.startsWith("Journal cohérent"), consistent);
        assertTrue(browser.driver().findElements(By.cssSelector(".journal-warning")).isEmpty());

        // Later, "is the log still consistent with this one?": the first checkpoint given back, pasted.
        String given = checkGiven(firstSeen, false);
        assertTrue(given.startsWith("consistent | Journal cohérent : le point de contrôle donné (taille " + firstSize + ", "), given);
        // Text that is no checkpoint, or a checkpoint not signed with the journal's key, proves nothing either way.
        String junk = checkGiven("not a checkpoint", false);
        assertTrue(junk.startsWith("failed | Ce texte n’est pas un point de contrôle"), junk);
        String forged = checkGiven(firstSeen.replaceFirst("\n" + firstSize + "\n", "\n" + (firstSize + 1) + "\n"), false);
        assertTrue(forged.startsWith("failed | Ce texte n’est pas un point de contrôle signé par la clé de ce journal"), forged);
        assertTrue(browser.driver().findElements(By.cssSelector(".journal-warning")).isEmpty());

        // A browser whose WebCrypto lacks Ed25519 (before Chromium 137, for instance): the check still runs and the page
        // says that the signature is left to the offline verifier. Such a WebCrypto is made here before the page loads.
        ChromeDriver chromium = (ChromeDriver) browser.driver();
        Map<String, Object> withoutEd25519 = chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "(function () { var importKey = crypto.subtle.importKey.bind(crypto.subtle);"
                + " crypto.subtle.importKey = function (format, key, algorithm, extractable, usages) {"
                + " return algorithm && algorithm.name === 'Ed25519' ? Promise.reject(new DOMException('Unrecognized algorithm name', 'NotSupportedError'))"
                + " : importKey(format, key, algorithm, extractable, usages); }; })();"));
        String noEd25519;
        try {
            noEd25519 = verdict();
        } finally {
            chromium.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", withoutEd25519.get("identifier")));
        }
        assertEquals("consistent", state(), noEd25519);
        assertTrue(noEd25519.contains("Ce navigateur ne sait pas vérifier les signatures Ed25519 : la vérification de la signature est"
                + " laissée au vérificateur hors ligne."), noEd25519);

        // The log rewritten behind the client's back: a red warning naming the kept and the current checkpoints.
        fixture("rewrite");
        String warning = verdict();
        assertEquals("warning", state(), warning);
        assertTrue(warning.startsWith("ALERTE : le journal a été réécrit"), warning);
        assertEquals(2, warning.split("\\(taille \\d+, racine [0-9a-f]{64}\\)", -1).length - 1, "both checkpoints named: " + warning);
        assertTrue(browser.find(By.cssSelector(".journal-warning")).isDisplayed());
        browser.screenshot("journal-02-portal-rewritten-log-warning");
        // Both signed notes can be downloaded: together they are the evidence of the rewrite (or of a split view).
        String kept = downloaded("journal-kept-download");
        String current = downloaded("journal-current-download");
        assertTrue(Long.parseLong(kept.split("\n")[1]) >= grown, "the checkpoint kept at the consistent visit: " + kept);
        assertFalse(kept.equals(current), current);
        // The warning stays: the kept checkpoint is not replaced by the rewritten log's.
        verdict();
        assertEquals("warning", state());

        // The first checkpoint, given back as the file the client saved: no longer consistent with today's log.
        String rewritten = checkGiven(firstSeen, true);
        assertTrue(rewritten.startsWith("warning | ALERTE : le journal a été réécrit ou présenté différemment. Le point de contrôle donné (taille "
                + firstSize + ", racine "), rewritten);
        assertEquals(2, rewritten.split("\\(taille \\d+, racine [0-9a-f]{64}\\)", -1).length - 1, "both checkpoints named: " + rewritten);
        script().executeScript("document.getElementById('journal-given-result').scrollIntoView({block: 'center'})");
        browser.screenshot("journal-03-portal-given-checkpoint-inconsistent");
    }
}
