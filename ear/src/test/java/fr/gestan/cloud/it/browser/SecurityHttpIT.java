package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.env.Totp;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security module over HTTP against the real EAR: public journal downloads, rate limiting (HTTP 429), and the
 * back-office and portal pages in Chromium (an auditor verifies the journal with progress; a client sees its
 * journal and the latest checkpoint).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityHttpIT extends BrowserJourney {

    private String base() {
        return Http.HTTPS; // pages are HTTPS-only

    }

    @Test
    @Order(1)
    void an_auditor_signs_the_head_verifies_the_journal_with_progress_and_opens_the_security_pages() throws Exception {
        browser.open(base() + "admin/security/journal.xhtml");
        signIn("auditor.demo", "Gestan-Audit-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base() + "admin/security/journal"));
        assertEquals("Journal des accès", browser.find(By.tagName("h1")).getText());
        browser.find(By.id("integrity:verify")).click();
        String ok = browser.waitUntil(d -> d.findElement(By.id("integrity:verify-ok")).getText());
        assertTrue(ok.startsWith("Journal intact"), ok);
        // The verification journaled itself, so there is a head to sign (a fresh database may have no other entry).
        browser.find(By.id("integrity:sign")).click();
        browser.waitUntil(d -> d.findElement(By.id("checkpoint-summary")).getText().contains("Point n°"));
        browser.screenshot("security-01-journal-verified-fr");
        for (String page : new String[] {"agreements", "policy", "lockouts", "controls", "server-access"}) {
            browser.open(base() + "admin/security/" + page + ".xhtml");
            String h1 = browser.find(By.tagName("h1")).getText();
            assertFalse(h1.isBlank() || browser.driver().getPageSource().contains("jakarta.el"), page + ": " + h1);
            browser.screenshot("security-02-" + page + "-fr");
        }
        browser.open(base() + "admin/");
        assertTrue(browser.find(By.id("security-tile")).getText().contains("Accords expirant sous 30 jours"));
        signOut();
    }

    @Test
    @Order(2)
    void a_client_sees_its_journal_and_the_latest_checkpoint_in_the_portal() throws Exception {
        browser.open(base() + "portal/security/journal.xhtml");
        signIn("client.demo", "Gestan-Client-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base() + "portal/security/journal"));
        assertTrue(browser.find(By.id("checkpoint-summary")).getText().contains("Point n°"));
        assertTrue(browser.find(By.id("export")).getAttribute("href").endsWith("/portal/security/journal-export"));
        browser.find(By.id("entries"));
        browser.screenshot("security-03-portal-journal-fr");
        signOut();
    }

    @ArquillianResource
    URL deployed;

    private HttpResponse<String> get(String path) throws Exception {
        return Http.get(Http.HTTPS + path.substring(1));
    }

    @Test
    @Order(3)
    void the_public_key_and_the_offline_verifier_are_public_downloads() throws Exception {
        HttpResponse<String> key = get("/journal/journal-public-key.pem");
        assertEquals(200, key.statusCode());
        assertTrue(key.body().startsWith("-----BEGIN PUBLIC KEY-----"), key.body());
        HttpResponse<String> verifier = get("/journal/JournalVerifier.java");
        assertEquals(200, verifier.statusCode());
        assertTrue(verifier.body().contains("public final class JournalVerifier"));
        assertNotEquals(200, get("/admin/security/journal-export").statusCode(), "exports need a signed-in auditor");
    }

    @Test
    @Order(3)
    void the_transparency_log_is_public_checkpoint_tiles_and_consistency_proofs() throws Exception {
        HttpResponse<String> note = get("/journal/checkpoint");
        assertEquals(200, note.statusCode(), note::body);
        java.security.PublicKey key = fr.gestan.cloud.security.api.JournalVerifier.readPublicKeyPem(get("/journal/journal-public-key.pem").body());
        String origin = note.body().split("\n")[0];
        var checkpoint = fr.gestan.cloud.security.api.JournalVerifier.MerkleLog.open(note.body(), origin, key);
        assertTrue(checkpoint.size() > 0);
        int width = (int) Math.min(256, checkpoint.size());
        HttpResponse<String> tile = get("/journal/tile/0/000" + (width < 256 ? ".p/" + width : ""));
        assertEquals(200, tile.statusCode());
        assertTrue(tile.headers().firstValue("Content-Type").orElse("").startsWith("application/octet-stream"));
        assertEquals(404, get("/journal/tile/0/1234").statusCode(), "not a tile path");
        assertEquals(200, get("/api/v1/public/journal/checkpoint").statusCode());

        HttpResponse<String> proof = get("/api/v1/public/journal/consistency?first=1&second=" + checkpoint.size());
        assertEquals(200, proof.statusCode(), proof::body);
        assertTrue(proof.body().contains("\"proof\""), proof.body());
        // Refusals are problem bodies naming the parameter at fault, in the caller's language.
        HttpResponse<String> refused = get("/api/v1/public/journal/consistency?first=2&second=1");
        assertEquals(400, refused.statusCode(), refused::body);
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(refused.body().contains("\"type\":\"urn:gestan:problem:tree-size-not-signed\""), refused.body());
        assertTrue(refused.body().contains("\"field\":\"first\""), refused.body());
        assertTrue(refused.body().contains("paramètre « first »"), "French by default: " + refused.body());
        HttpResponse<String> beyond = Http.get(Http.HTTPS + "api/v1/public/journal/consistency?first=1&second="
                + (checkpoint.size() + 1_000_000), "Accept-Language", "en");
        assertEquals(400, beyond.statusCode(), beyond::body);
        assertEquals("application/problem+json", beyond.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(beyond.body().contains("\"field\":\"second\""), beyond.body());
        assertTrue(beyond.body().contains("for the parameter \\\"second\\\""), "English on request: " + beyond.body());
        assertTrue(get("/openapi").body().contains("/public/journal/consistency"), "in the OpenAPI document");
    }

    @Test
    @Order(4)
    void certificate_verification_posts_are_rate_limited_per_address_with_retry_after() throws Exception {
        String verify = Http.HTTPS + "verify.xhtml";
        assertEquals(200, get("/verify.xhtml").statusCode(), "viewing the page is not limited");
        HttpResponse<String> last = null;
        int allowed = 0;
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String number = "GC-2026-" + String.format("%06d", i);
            // the number form's GET and the file form's post draw on one allowance
            last = i % 2 == 0 ? get("/verify?number=" + number)
                    : Http.post(verify, "application/x-www-form-urlencoded", "number=" + number);
            answers.append(i % 2 == 0 ? " GET " : " POST ").append(last.statusCode());
            if (last.statusCode() == 429) {
                break;
            }
            allowed++;
        }
        assertEquals(429, last.statusCode(), "guessing is cut off:" + answers);
        assertTrue(allowed >= 20 && allowed < 40, "a burst of 20 is allowed: " + allowed);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "30 per minute: " + retryAfter);
        assertTrue(last.body().startsWith("Trop de demandes"), "in French by default: " + last.body());
        assertEquals(200, get("/verify.xhtml").statusCode(), "the page itself stays reachable");
        // The API shares the page's allowance (one "verify" bucket per address, in the database: on every node),
        // and refuses with a problem+json body.
        HttpResponse<String> api = get("/api/v1/public/certificates/GC-2026-999999");
        assertEquals(429, api.statusCode(), api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(api.body().contains("\"status\":429") && api.body().contains("urn:gestan:problem:rate-limited"),
                api.body());
        assertTrue(Long.parseLong(api.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    @Order(5)
    void staff_give_a_totp_code_after_their_password_and_clients_do_not() throws Exception {
        // Password grant (test client only): a staff password alone, or with a wrong code, is refused.
        assertFalse(KeycloakFixture.passwordGrant("support.demo", "Gestan-Support-2026!", null).ok());
        String wrong = Totp.wrongCode("support.demo", "auditor.demo");
        assertFalse(KeycloakFixture.passwordGrant("support.demo", "Gestan-Support-2026!", wrong).ok());
        // Two failures within a second lock the account briefly (quick-login check of the brute-force detection).
        KeycloakFixture.unlock("support.demo");
        assertTrue(KeycloakFixture.passwordGrant("support.demo", "Gestan-Support-2026!", Totp.nextCode("support.demo")).ok());
        assertTrue(KeycloakFixture.passwordGrant("client.demo", "Gestan-Client-2026!", null).ok(), "clients: password only");
        // Browser: Keycloak asks the auditor for a code on a second page, refuses a wrong one, accepts the right one.
        browser.forgetAllSessions();
        browser.open(base() + "admin/");
        browser.find(By.id("username")).sendKeys("auditor.demo");
        browser.find(By.id("password")).sendKeys("Gestan-Audit-2026!");
        browser.find(By.id("kc-login")).click();
        org.openqa.selenium.WebElement first = browser.find(By.id("otp"));
        first.sendKeys(wrong);
        browser.find(By.id("kc-login")).click();
        browser.waitUntil(d -> { // the page comes back with the refusal
            try {
                first.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException reloaded) {
                return true;
            }
        });
        assertTrue(browser.driver().getCurrentUrl().contains("/realms/gestan/"), "still at Keycloak after a wrong code");
        browser.find(By.id("otp")).sendKeys(Totp.nextCode("auditor.demo"));
        browser.screenshot("security-04-totp-fr");
        browser.find(By.id("kc-login")).click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base() + "admin"));
        signOut();
    }

    /** Key rotation from the back office (issue 18 item 4): an admin rotates the secret key and sees the re-encryption end. */
    @Test
    @Order(6)
    void an_admin_rotates_the_secret_key_on_the_keys_page_and_sees_the_re_encryption_finish() throws Exception {
        signInAt("admin/security/keys.xhtml", "admin.demo", "Gestan-Admin-2026!");
        assertEquals("Clés du produit", browser.find(By.tagName("h1")).getText());
        By active = By.xpath("//div[@id='ring-hosted-accounts']//tr[.//span[contains(@class,'key-active')]]//code[contains(@class,'key-id')]");
        String before = browser.find(active).getText();
        assertTrue(browser.find(By.id("ring-certificate-signing")).getText().contains("Signature des attestations"));
        browser.screenshot("security-05-keys-fr");
        browser.find(By.xpath("//div[@id='ring-hosted-accounts']//button[contains(@class,'rotate')]")).click();
        String after = browser.waitUntil(d -> {
            String id = d.findElement(active).getText();
            return id.equals(before) ? null : id;
        });
        assertTrue(browser.find(By.id("messages")).getText().contains("nouvelle clé active " + after), browser.find(By.id("messages")).getText());
        String done = browser.waitUntil(d -> d.findElement(By.cssSelector(".rekey-DONE")).getText());
        assertTrue(done.contains("Terminé"), done);
        browser.screenshot("security-06-keys-rotated-fr");
        signOut();
    }

    /** The keys over the REST API: an auditor lists them but may not rotate, an admin rotates. */
    @Test
    @Order(7)
    void the_keys_api_lists_the_rings_to_an_auditor_and_rotates_for_an_admin_only() throws Exception {
        String auditor = "Bearer " + KeycloakFixture.accessToken("auditor.demo", "Gestan-Audit-2026!");
        HttpResponse<String> list = Http.send("GET", base() + "api/v1/keys", null, "Authorization", auditor);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"purpose\":\"hosted-accounts\"") && list.body().contains("\"purpose\":\"certificate-signing\""),
                list.body());
        HttpResponse<String> refused = Http.send("POST", base() + "api/v1/keys/certificate-signing/rotation", null, "Authorization", auditor);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(403, Http.send("GET", base() + "api/v1/keys", null, "Authorization", KeycloakFixture.clientBearer()).statusCode());

        String admin = "Bearer " + KeycloakFixture.accessToken("admin.demo", "Gestan-Admin-2026!");
        HttpResponse<String> rotated = Http.send("POST", base() + "api/v1/keys/certificate-signing/rotation", null, "Authorization", admin);
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertTrue(rotated.body().contains("\"active\":true") && rotated.body().contains("\"purpose\":\"certificate-signing\""), rotated.body());
        String id = rotated.body().replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
        HttpResponse<String> after = Http.send("GET", base() + "api/v1/keys", null, "Authorization", admin);
        assertTrue(after.body().contains("\"id\":\"" + id + "\""), after.body());
        assertEquals(404, Http.send("POST", base() + "api/v1/keys/no-such-ring/rotation", null, "Authorization", admin).statusCode());

        // The journal's checkpoint key: listed, rotated by an admin, and the new key published beside the old one.
        assertTrue(list.body().contains("\"purpose\":\"journal-checkpoint\"") && list.body().contains("\"purpose\":\"journal-mac\""),
                list.body());
        HttpResponse<String> journalKey = Http.send("POST", base() + "api/v1/keys/journal-checkpoint/rotation", null, "Authorization", admin);
        assertEquals(200, journalKey.statusCode(), journalKey.body());
        String journalKeyId = journalKey.body().replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
        for (String url : java.util.List.of("journal/journal-keys.txt", "api/v1/public/journal/keys")) {
            HttpResponse<String> keySet = Http.send("GET", base() + url, null);
            assertEquals(200, keySet.statusCode(), url);
            assertTrue(keySet.body().startsWith("# gestan-journal-keys v1") && keySet.body().contains("+" + journalKeyId + "+")
                    && keySet.body().lines().filter(l -> !l.startsWith("#")).count() >= 2, keySet.body());
        }
        assertEquals(200, Http.send("GET", base() + "journal/journal-public-key.pem", null).statusCode(), "the old URL still answers");
    }
}
