package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.TestEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each node names itself (issue 20), for diagnosis behind a load balancer: outside production (the tests run in demo
 * mode) every answer names the node in {@code X-Gestan-Node}, pages, API answers and errors alike, and the server's
 * log lines carry the same name. By default the name is the host and the port offset.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeNameHttpIT extends OnJourneyEar {

    private static final Path SERVER_LOG = Path.of(System.getProperty("gestan.it.server.home"), "standalone", "log", "server.log");

    @Test
    void every_answer_and_every_log_line_names_the_node() throws Exception {
        HttpResponse<String> home = Http.get(Http.HTTPS);
        assertEquals(200, home.statusCode());
        String node = home.headers().firstValue("X-Gestan-Node").orElse(null);
        assertNotNull(node, "the home page names its node: " + home.headers().map());
        assertTrue(node.endsWith("+" + TestEnvironment.PORT_OFFSET) && node.length() > ("+" + TestEnvironment.PORT_OFFSET).length(),
                "host name and port offset by default: " + node);
        for (String url : new String[] {Http.HTTPS + "api/v1/me", Http.HTTPS + "no-such-page.xhtml"}) {
            HttpResponse<String> other = Http.get(url); // a 401 problem, a 404 page
            assertEquals(node, other.headers().firstValue("X-Gestan-Node").orElse(null), url + " answered " + other.statusCode());
        }
        String log = Files.readString(SERVER_LOG);
        assertTrue(log.lines().anyMatch(l -> l.contains(" <" + node + "> [")), "the log lines name the node " + node);
        assertFalse(log.lines().anyMatch(l -> l.contains("<${")), "the log pattern's expression is resolved");
    }
}
