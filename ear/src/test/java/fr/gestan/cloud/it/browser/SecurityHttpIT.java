package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The security module over HTTP against the real EAR: public journal downloads and rate limiting (HTTP 429). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHttpIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.fullEar();
    }

    @ArquillianResource
    URL deployed;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + deployed.getPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
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
    void certificate_verification_posts_are_rate_limited_per_address_with_retry_after() throws Exception {
        URI verify = URI.create("http://localhost:" + deployed.getPort() + "/verify.xhtml");
        assertEquals(200, get("/verify.xhtml").statusCode(), "viewing the page is not limited");
        HttpResponse<String> last = null;
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            last = HTTP.send(HttpRequest.newBuilder(verify).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("number=GC-2026-" + String.format("%06d", i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == 429) {
                break;
            }
            allowed++;
        }
        assertEquals(429, last.statusCode(), "guessing is cut off");
        assertTrue(allowed >= 20 && allowed < 40, "a burst of 20 is allowed: " + allowed);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "30 per minute: " + retryAfter);
        assertEquals(200, get("/verify.xhtml").statusCode(), "the page itself stays reachable");
    }
}
