package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.TestEnvironment;
import fr.gestan.cloud.it.support.Deployments;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anonymous visitors of the public pages get no HTTP session (issue 19: over a 30-minute soak every visitor of
 * /verify left a session holding its JSF view, and the heap grew with them; docs/performance.md, 4.6 and 4.8).
 * Each public page is fetched, and each of its forms posted as the browser posts it (PrimeFaces AJAX with the page's
 * view state and CSP nonce, the PDF upload as multipart): no {@code Set-Cookie: JSESSIONID} comes back, the answers
 * carry the usual results and messages, and the server's count of active sessions (management model) does not grow.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnonymousSessionsIT extends OnJourneyEar {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    @Test
    void public_pages_and_their_forms_leave_no_session() throws Exception {
        long before = activeSessions();
        List<String> cookies = new ArrayList<>();

        for (String page : new String[] {"", "status", "trust", "verify", "verify?number=GC-2026-999998",
                "status-archive.xhtml", "no-such-page"}) {
            HttpResponse<String> r = Http.get(Http.HTTPS + page, "Accept", "text/html");
            assertEquals(page.equals("no-such-page") ? 404 : 200, r.statusCode(), page);
            sessionCookies(r, "GET /" + page, cookies);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("nonce-"),
                    "the security headers stay: " + page);
        }

        // /verify by number: the page's plain GET form (no view state, no script), answered with the "unknown number" message.
        HttpResponse<String> verifyPage = Http.get(Http.HTTPS + "verify", "Accept", "text/html");
        String viewState = first(VIEW_STATE, verifyPage.body());
        assertEquals("stateless", viewState, "the page keeps no view on the server");
        assertTrue(verifyPage.body().contains("<form id=\"verify\" method=\"get\""), verifyPage.body());
        HttpResponse<String> byNumber = Http.get(Http.HTTPS + "verify?number=GC-2026-999997", "Accept", "text/html");
        assertEquals(200, byNumber.statusCode(), byNumber.body());
        assertTrue(byNumber.body().contains("Aucune attestation ne porte ce num"), byNumber.body());
        sessionCookies(byNumber, "GET verify (number)", cookies);

        // The same form without a number: the field's own message, still no session.
        HttpResponse<String> empty = Http.get(Http.HTTPS + "verify?number=", "Accept", "text/html");
        assertEquals(200, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("Saisissez le num") && !empty.body().contains("Aucune attestation"), empty.body());
        sessionCookies(empty, "GET verify (empty)", cookies);

        // /verify by file: the multipart upload (not an AJAX request) of a file that is not one of ours.
        String boundary = "----gestan" + UUID.randomUUID();
        String multipart = part(boundary, "upload", "upload") + part(boundary, "upload:check-file", "")
                + part(boundary, "jakarta.faces.ViewState", viewState)
                // PrimeFaces' script adds the page's nonce to every form (PrimeFaces.csp.init); a full postback needs it too
                + part(boundary, "primefaces.nonce", first(NONCE, verifyPage.body()))
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload:file\"; filename=\"forged.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 not a certificate of ours\r\n--" + boundary + "--\r\n";
        HttpResponse<String> byFile = send(() -> HttpRequest.newBuilder(URI.create(formAction(verifyPage.body(), "upload")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(multipart)));
        assertEquals(200, byFile.statusCode(), byFile.body());
        assertTrue(byFile.body().contains("id=\"file-refused\"") && byFile.body().contains("pas une attestation"), byFile.body());
        sessionCookies(byFile, "POST verify (file)", cookies);

        // /status: the subscription form, refused (bad address, named on its field) then accepted.
        HttpResponse<String> statusPage = Http.get(Http.HTTPS + "status", "Accept", "text/html");
        String statusState = first(VIEW_STATE, statusPage.body());
        assertEquals("stateless", statusState);
        Map<String, String> subscribe = ajaxForm(statusPage.body(), "subscribe", "subscribe:submit", "subscribe messages");
        subscribe.put("subscribe:email", "not-an-address");
        subscribe.put("subscribe:scope", "ALL");
        subscribe.put("subscribe:scopeRef", "");
        HttpResponse<String> refused = ajax(formAction(statusPage.body(), "subscribe"), subscribe);
        assertEquals(200, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("subscribe:email-message") && refused.body().contains("pas valide"), refused.body());
        sessionCookies(refused, "POST status (bad address)", cookies);
        subscribe.put("subscribe:email", "anonymous-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        HttpResponse<String> accepted = ajax(formAction(statusPage.body(), "subscribe"), subscribe);
        assertTrue(accepted.body().contains("id=\"subscribe:sent\""), accepted.body());
        sessionCookies(accepted, "POST status (subscribe)", cookies);

        // The language switch is a cookie of its own, not a session.
        HttpResponse<String> language = Http.get(Http.HTTPS + "language?lang=en&next=%2Fverify");
        assertEquals(302, language.statusCode());
        sessionCookies(language, "GET /language", cookies);

        assertEquals(List.of(), cookies, "no session for an anonymous visitor");
        assertEquals(before, activeSessions(), "active sessions on the server before and after the visits");

        // The figure of docs/performance.md 4.10: many first visits (no cookie kept), the server's sessions after.
        int visits = 0;
        for (int round = 0; round < 25; round++) {
            for (String page : new String[] {"", "status", "trust", "verify", "status-archive.xhtml", "no-such-page"}) {
                sessionCookies(Http.get(Http.HTTPS + page, "Accept", "text/html"), "GET /" + page, cookies);
                visits++;
            }
        }
        long after = activeSessions();
        System.out.println("[gestan-it] AnonymousSessionsIT: " + visits + " visits of the public pages, active sessions "
                + before + " -> " + after);
        assertEquals(List.of(), cookies, "no session for an anonymous visitor");
        assertEquals(before, after, "active sessions on the server before and after " + visits + " visits");

        // A page not named in StatelessPublicViews keeps its view in a session, which the counter sees.
        HttpResponse<String> stateful = Http.get(Http.HTTPS + Deployments.STATEFUL_PAGE, "Accept", "text/html");
        assertEquals(200, stateful.statusCode());
        assertTrue(stateful.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
                "a page outside the list keeps its session: " + stateful.headers().map());
        assertEquals(after + 1, activeSessions(), "its session, counted");
    }

    /** What PrimeFaces posts for a form's AJAX button: the form processed, the page's view state and CSP nonce. */
    private static Map<String, String> ajaxForm(String page, String form, String button, String render) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", button);
        fields.put("jakarta.faces.partial.execute", form);
        fields.put("jakarta.faces.partial.render", render);
        fields.put(button, button);
        fields.put(form, form);
        fields.put("jakarta.faces.ViewState", first(VIEW_STATE, page));
        fields.put("primefaces.nonce", first(NONCE, page));
        return fields;
    }

    /** Records every session cookie an answer sets. */
    private static void sessionCookies(HttpResponse<String> r, String what, List<String> cookies) {
        r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .forEach(c -> cookies.add(what + ": " + c));
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertTrue(m.find(), () -> pattern + " in " + body);
        return m.group(1).replace("&amp;", "&");
    }

    /** The absolute address a form posts to (its action attribute). */
    private static String formAction(String body, String formId) {
        Matcher m = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"").matcher(body);
        assertTrue(m.find(), () -> "form " + formId + " in " + body);
        return Http.HTTPS + m.group(1).replace("&amp;", "&").substring(1);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static HttpResponse<String> ajax(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(() -> HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends, waiting out a 429: the verification and subscription allowances are per address and shared with the
     * other tests of the run (SecurityHttpIT, NotificationsHttpIT spend them on purpose).
     */
    private static HttpResponse<String> send(java.util.function.Supplier<HttpRequest.Builder> request) throws Exception {
        HttpResponse<String> r = Http.send(request.get());
        for (int i = 0; i < 10 && r.statusCode() == 429; i++) {
            Thread.sleep(1000 * Long.parseLong(r.headers().firstValue("Retry-After").orElse("5")));
            r = Http.send(request.get());
        }
        return r;
    }

    /** Active sessions of every deployment's web module, read from the management model. */
    private static long activeSessions() throws Exception {
        try (ModelControllerClient management = ModelControllerClient.Factory.create("localhost", 9990 + TestEnvironment.PORT_OFFSET)) {
            ModelNode address = Operations.createAddress("deployment", "*", "subdeployment", "*", "subsystem", "undertow");
            ModelNode result = management.execute(Operations.createReadAttributeOperation(address, "active-sessions"));
            assertTrue(Operations.isSuccessfulOutcome(result), result::toString);
            long total = 0;
            for (ModelNode each : Operations.readResult(result).asList()) {
                ModelNode value = Operations.readResult(each);
                total += value.isDefined() ? value.asLong() : 0;
            }
            return total;
        }
    }
}
