package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The browser-facing frame: security headers and cookies on every kind of response, HTTP to HTTPS, pages free of
 * Content-Security-Policy violations, friendly pages for expired views and server errors, the progress pattern.
 * Its test pages (it/frame.xhtml with {@link ProgressDemoBean}, it/boom.xhtml) are in the journeys' EAR ({@link JourneyEar}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrameIT extends BrowserJourney {

    private static final String BASE = Http.HTTPS;
    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'");

    @Test
    @Order(1)
    void every_page_carries_the_security_headers_and_a_nonce_policy_without_inline_script() throws Exception {
        for (String page : List.of("", "verify.xhtml", "status.xhtml", "it/frame.xhtml", "no-such-page.xhtml",
                "error/expired.xhtml?reason=session")) {
            HttpResponse<String> response = Http.get(BASE + page);
            String csp = assertSecurityHeaders(page, response);
            Matcher nonce = NONCE.matcher(csp);
            assertTrue(nonce.find(), page + ": PrimeFaces nonce policy: " + csp);
            assertFalse(csp.substring(csp.indexOf("script-src")).contains("unsafe-inline"), page + ": " + csp);
            assertFalse(csp.contains("unsafe-eval"), page + ": " + csp);
            assertTrue(csp.contains("default-src 'self'") && csp.contains("object-src 'none'"), page + ": " + csp);
            // every inline script of the page carries the nonce, and no element has an inline event handler
            String html = response.body();
            Matcher script = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(html);
            while (script.find()) {
                assertTrue(script.group(1).contains("nonce=\"" + nonce.group(1) + "\""), page + ": inline script without nonce: " + script.group());
            }
            assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), page + ": inline event handler in " + html);
        }
    }

    @Test
    @Order(2)
    void other_responses_are_locked_down_too() throws Exception {
        for (String path : List.of("api/v1/me", "signin", "language?lang=en&next=/verify.xhtml",
                "jakarta.faces.resource/css/gestan.css.xhtml")) {
            String csp = assertSecurityHeaders(path, Http.get(BASE + path));
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
        }
    }

    @Test
    @Order(3)
    void cookies_are_secure_http_only_and_same_site() throws Exception {
        // The public pages keep no session (AnonymousSessionsIT); a page that keeps its view does: the test fixture.
        HttpResponse<String> page = Http.get(BASE + "it/frame.xhtml");
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("a page that keeps its view opens a session: " + page.headers().map()));
        assertCookie(session);
        HttpResponse<String> language = Http.get(BASE + "language?lang=en&next=/verify.xhtml");
        assertEquals(302, language.statusCode());
        assertEquals(BASE + "verify.xhtml", language.headers().firstValue("Location").orElse("").replaceFirst("^/", BASE));
        String cookie = language.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gestan_lang=en")).findFirst()
                .orElseThrow(() -> new AssertionError(language.headers().map().toString()));
        assertCookie(cookie);
        HttpResponse<String> elsewhere = Http.get(BASE + "language?lang=en&next=https://evil.example/");
        assertEquals("/", elsewhere.headers().firstValue("Location").orElse("").replaceFirst("^https://localhost:\\d+", ""),
                "no open redirect");
    }

    @Test
    @Order(4)
    void plain_http_is_redirected_to_https_except_the_api() throws Exception {
        HttpResponse<String> page = Http.get(Http.HTTP + "verify.xhtml?number=GC-1");
        assertEquals(302, page.statusCode());
        assertEquals(BASE + "verify.xhtml?number=GC-1", page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> portal = Http.get(Http.HTTP + "portal/");
        assertEquals(302, portal.statusCode());
        assertTrue(portal.headers().firstValue("Location").orElse("").startsWith(BASE + "portal/"),
                "to HTTPS before signing in: " + portal.headers().map());
        HttpResponse<String> api = Http.get(Http.HTTP + "api/v1/me");
        assertEquals(403, api.statusCode(), "API clients get a problem pointing to HTTPS, not a redirect that resends a token");
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), api.headers().map().toString());
        assertTrue(api.body().contains("\"https\":\"" + BASE + "api/v1/me\""), api.body());
    }

    @Test
    @Order(5)
    void pages_work_under_the_policy_without_any_violation() throws Exception {
        browser.open(BASE + "verify.xhtml");
        browser.find(By.id("number")).sendKeys("GC-0000-404404");
        browser.find(By.id("submit")).click();
        String message = browser.waitUntil(d -> {
            List<org.openqa.selenium.WebElement> shown = d.findElements(By.id("result-unknown"));
            return shown.isEmpty() ? null : d.findElement(By.tagName("main")).getText();
        });
        String unknown = "Aucune attestation ne porte ce numéro.";
        assertTrue(message.contains(unknown), "the look-up ran: " + message);
        assertTrue(browser.url().contains("number=GC-0000-404404"), "the number form is a GET: " + browser.url());
        assertEquals(message.indexOf(unknown), message.lastIndexOf(unknown), "shown once: " + message);
        browser.screenshot("40-verify-message-fr");
        browser.open(BASE);
        browser.find(By.tagName("h1"));
        List<String> violations = browser.console().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
        assertEquals(List.of(), violations);
    }

    @Test
    @Order(6)
    void an_expired_view_shows_a_friendly_page_that_leads_back() throws Exception {
        // A page that keeps its view in the session (the test fixture; the portal's and back office's pages do too).
        browser.open(BASE + "it/frame.xhtml");
        browser.find(By.id("demo:start"));
        browser.forgetApplicationSession(); // the server no longer knows this page's view
        browser.find(By.id("demo:start")).click();
        browser.waitUntil(d -> d.findElement(By.id("error-title")).getText().equals("Cette page a expiré"));
        browser.screenshot("41-view-expired-fr");
        browser.find(By.id("continue")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Progress"));

        // A public page keeps no view (StatelessPublicViews): without its session its Faces form still works (the
        // file form; the number form is a plain GET).
        java.nio.file.Path notOurs = java.nio.file.Files.createTempFile("not-a-certificate", ".pdf");
        java.nio.file.Files.writeString(notOurs, "%PDF-1.7 not a certificate of ours");
        browser.open(BASE + "verify.xhtml");
        browser.find(By.id("upload:file")).sendKeys(notOurs.toAbsolutePath().toString());
        browser.forgetApplicationSession();
        browser.find(By.id("upload:check-file")).click();
        browser.waitUntil(d -> d.findElement(By.id("file-refused")).isDisplayed());
        java.nio.file.Files.delete(notOurs);
    }

    @Test
    @Order(7)
    void a_server_error_shows_the_500_page_without_a_stack_trace() throws Exception {
        HttpResponse<String> response = Http.get(BASE + "it/boom.xhtml");
        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("Une erreur est survenue"), response.body());
        assertFalse(response.body().contains("IllegalStateException") || response.body().contains("at fr.gestan"), response.body());
        assertSecurityHeaders("it/boom.xhtml", response);
        browser.open(BASE + "it/boom.xhtml");
        browser.find(By.id("error-title"));
        browser.screenshot("42-error-500-fr");
    }

    @Test
    @Order(8)
    void long_work_shows_its_progress_then_its_outcome() throws Exception {
        browser.open(BASE + "it/frame.xhtml");
        browser.find(By.id("demo:start")).click();
        String running = browser.waitUntil(d -> {
            // the count, once the work has counted its steps (the first poll may only say "En cours…")
            String text = d.findElement(By.id("demo:export-status")).getText();
            return text.matches("En cours… \\d+ sur 12") ? text : null;
        });
        assertTrue(running.matches("En cours… \\d+ sur 12"), running);
        browser.screenshot("43-progress-running-fr");
        browser.waitUntil(d -> d.findElement(By.id("demo:export-status")).getText().equals("Terminé."));
        assertTrue(browser.find(By.id("demo:export:panel")).getText().contains("100 %"));
        browser.screenshot("44-progress-done-fr");

        browser.find(By.id("demo:fail")).click();
        browser.waitUntil(d -> d.findElement(By.id("demo:export-status")).getText().startsWith("Échec"));
        browser.screenshot("45-progress-failed-fr");
    }

    @Test
    @Order(9)
    void static_resources_travel_compressed_and_pages_never() throws Exception {
        HttpResponse<String> plain = Http.get(BASE + "jakarta.faces.resource/components.js.xhtml?ln=primefaces");
        HttpResponse<String> script = Http.get(BASE + "jakarta.faces.resource/components.js.xhtml?ln=primefaces",
                "Accept-Encoding", "gzip");
        assertEquals(200, script.statusCode());
        assertEquals("gzip", script.headers().firstValue("Content-Encoding").orElse(null), "components.js: " + script.headers().map());
        int compressed = script.headers().firstValue("Content-Length").map(Integer::parseInt).orElse(script.body().length());
        System.out.println("[gestan-it] components.js: " + plain.body().length() + " characters, " + compressed + " bytes gzip-compressed");
        assertTrue(compressed * 3 < plain.body().length(), "compressed " + compressed + " of " + plain.body().length());
        HttpResponse<String> style = Http.get(BASE + "resources/css/gestan.css", "Accept-Encoding", "gzip");
        assertEquals("gzip", style.headers().firstValue("Content-Encoding").orElse(null), "gestan.css: " + style.headers().map());
        // Pages echo what users type and, on some, secrets: never compressed (BREACH).
        for (String page : List.of("", "verify.xhtml", "status.xhtml")) {
            HttpResponse<String> response = Http.get(BASE + page, "Accept-Encoding", "gzip");
            assertEquals(200, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty(), page + ": " + response.headers().map());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Asserts the headers every response carries; returns its Content-Security-Policy. */
    private static String assertSecurityHeaders(String what, HttpResponse<String> response) {
        Map<String, List<String>> h = response.headers().map();
        List<String> csp = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, csp.size(), what + ": exactly one policy: " + h);
        assertTrue(csp.get(0).contains("frame-ancestors 'none'"), what + ": " + csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what + ": " + h);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), what + ": " + h);
        assertEquals("strict-origin-when-cross-origin", response.headers().firstValue("Referrer-Policy").orElse(null), what + ": " + h);
        assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age=63072000"), what + ": " + h);
        return csp.get(0);
    }

    private static void assertCookie(String cookie) {
        String lower = cookie.toLowerCase();
        assertTrue(lower.contains("; secure"), "Secure: " + cookie);
        assertTrue(lower.contains("; httponly"), "HttpOnly: " + cookie);
        assertTrue(lower.contains("samesite=lax"), "SameSite: " + cookie);
    }

    static final String FRAME_PAGE = """
            <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html"
                            xmlns:ui="jakarta.faces.facelets" xmlns:p="primefaces" xmlns:gc="jakarta.faces.composite/gc"
                            template="/WEB-INF/templates/public.xhtml">
                <ui:define name="title">Progress</ui:define>
                <ui:define name="content">
                    <h1>Progress</h1>
                    <h:form id="demo">
                        <p:commandButton id="start" value="Start" action="#{progressDemoBean.start}" update="export"/>
                        <p:commandButton id="fail" value="Fail" action="#{progressDemoBean.startFailing}" update="export"/>
                        <gc:progress id="export" value="#{progressDemoBean.progress}"/>
                    </h:form>
                </ui:define>
            </ui:composition>
            """;

    static final String BOOM_PAGE = """
            <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets"
                            template="/WEB-INF/templates/public.xhtml">
                <ui:define name="title">Boom</ui:define>
                <ui:define name="content">#{progressDemoBean.boom}</ui:define>
            </ui:composition>
            """;
}
