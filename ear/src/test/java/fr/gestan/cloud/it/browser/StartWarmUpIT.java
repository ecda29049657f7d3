package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.TestEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After a deployment the public pages are built once in the background (issue 19: the first page after a start took
 * 3.5–13.9 s), and readiness waits for it: {@code /health/ready} carries a "warm-up" check, DOWN while it runs, UP with
 * what it warmed once over; the server's log says so too. Not a timed test: it asserts that the warm-up ran.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StartWarmUpIT extends OnJourneyEar {

    private static final String READY = "http://localhost:" + (9990 + TestEnvironment.PORT_OFFSET) + "/health/ready";
    private static final Path SERVER_LOG = Path.of(System.getProperty("gestan.it.server.home"), "standalone", "log", "server.log");
    private static final Pattern WARM_UP = Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"warm-up\"[^{}]*\"data\"\\s*:\\s*(\\{[^{}]*\\})");

    @Test
    void readiness_waits_for_the_warm_up_of_the_public_pages_and_says_what_it_warmed() throws Exception {
        HttpResponse<String> ready = Http.get(READY);
        for (long deadline = System.currentTimeMillis() + 120_000; ready.statusCode() != 200 && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(500);
            ready = Http.get(READY);
        }
        assertEquals(200, ready.statusCode(), ready.body());
        Matcher warmUp = WARM_UP.matcher(ready.body());
        assertTrue(warmUp.find(), "readiness has a warm-up check: " + ready.body());
        String data = warmUp.group(1);
        assertTrue(data.matches("(?s).*\"state\"\\s*:\\s*\"done\".*"), "the warm-up is over and went well: " + data);
        assertTrue(data.matches("(?s).*\"pages\"\\s*:\\s*5\\b.*"), "the four public pages, the home page in both languages: " + data);
        assertTrue(data.matches("(?s).*\"resources\"\\s*:\\s*[1-9]\\d*\\b.*"), "and the style sheets and scripts they name: " + data);
        assertTrue(data.matches("(?s).*\"fonts\"\\s*:\\s*true\\b.*"), "and the documents' fonts: " + data);
        String log = Files.readString(SERVER_LOG);
        assertTrue(log.lines().anyMatch(l -> l.contains("Warm-up after deployment: 5 pages")), "the server's log says so");
        assertEquals(200, Http.get(Http.HTTPS).statusCode(), "the home page serves");
    }
}
