package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import fr.gestan.cloud.common.health.WarmUp;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up asks this node's HTTPS listener for every public page (the home page in both languages) and for the
 * resources they name, loads the fonts, and reports it; a listener that never serves makes it give up without holding
 * readiness.
 */
class StartWarmUpTest {

    @TempDir
    Path dir;

    private SSLContext serverContext() throws Exception {
        return TestTls.serverContext(dir);
    }

    @Test
    void every_public_page_and_the_resources_it_names_are_asked_for_once_then_readiness_is_released() throws Exception {
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        AtomicInteger starting = new AtomicInteger(2); // a booting server answers 503 first
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            if (starting.getAndDecrement() > 0) {
                answer(exchange, 503, "booting");
                return;
            }
            // the language a page is built in is its cookie's (LanguageViewHandler), not Accept-Language's
            String cookie = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
            asked.computeIfAbsent(path + " " + cookie.substring(cookie.indexOf('=') + 1), p -> new AtomicInteger()).incrementAndGet();
            answer(exchange, 200, path.contains("jakarta.faces.resource") ? "body{}" : "<html><head>"
                    + "<link rel=\"stylesheet\" href=\"/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga&amp;v=1\"/>"
                    + "<script src=\"/jakarta.faces.resource/core.js.xhtml?ln=primefaces&amp;v=1\"></script>"
                    + "<a href=\"/trust.xhtml\">trust</a></head></html>");
        });
        server.start();
        try {
            WarmUp.started();
            StartWarmUp.warm(() -> "https://127.0.0.1:" + server.getAddress().getPort() + "/", 30);
        } finally {
            server.stop(0);
        }
        WarmUp.Report report = WarmUp.report();
        assertEquals(WarmUp.State.DONE, report.state(), String.valueOf(report));
        assertEquals(5, report.pages());
        assertEquals(2, report.resources(), "each resource once, whichever pages name it");
        assertTrue(report.fonts());
        for (String page : List.of("/ fr", "/status.xhtml fr", "/verify.xhtml fr", "/trust.xhtml fr", "/ en",
                "/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga&v=1 fr", "/jakarta.faces.resource/core.js.xhtml?ln=primefaces&v=1 fr")) {
            assertTrue(asked.containsKey(page), page + " asked for: " + asked.keySet());
        }
    }

    @Test
    void a_listener_that_never_serves_makes_it_give_up_without_holding_readiness() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        WarmUp.started();
        int closed = port;
        StartWarmUp.warm(() -> "https://127.0.0.1:" + closed + "/", 1);
        assertEquals(WarmUp.State.FAILED, WarmUp.report().state());
        assertTrue(WarmUp.report().reason() != null);
    }

    @Test
    void while_the_management_model_cannot_say_the_standard_https_binding_is_used() {
        assertEquals("https://127.0.0.1:8443/", StartWarmUp.base(null, "/"));
        assertEquals("https://10.0.0.5:9443/", StartWarmUp.base(InetSocketAddress.createUnresolved("10.0.0.5", 9443), "/"));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
