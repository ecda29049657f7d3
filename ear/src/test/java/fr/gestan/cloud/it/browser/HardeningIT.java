package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.browser.Http.API;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.support.Deployments;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * What an outside attack found on the running product (issue 17), replayed over HTTP against the whole EAR:
 * malformed bodies, log flooding and forging, NUL characters, refused roles on downloads, CSP nonces, session
 * fixation, cookies, redirects and plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningIT extends BrowserJourney {

    static final Path SERVER_LOG = Path.of(System.getProperty("gestan.it.server.home"), "standalone", "log", "server.log");

    private static String client;
    private static String support;

    @BeforeAll
    static void tokens() {
        KeycloakFixture.awaitReady();
        client = KeycloakFixture.clientBearer();
        support = KeycloakFixture.supportBearer();
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field, String what) {
        assertEquals(status, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what + ": " + r.headers().map());
        assertTrue(r.body().contains("\"status\":" + status), what + ": " + r.body());
        if (field != null) {
            assertTrue(r.body().contains("\"field\":\"" + field + "\""), what + " names " + field + ": " + r.body());
        }
        for (String internal : new String[] {"fr.gestan", "Exception", "RESTEASY", "jakarta.", "java.", "yasson", "jackson"}) {
            assertFalse(r.body().contains(internal), what + " leaks " + internal + ": " + r.body());
        }
    }

    private static HttpResponse<String> postTenant(String contentType, String body) throws Exception {
        return Http.post(API + "tenants", contentType, body, "Authorization", support, "Accept-Language", "fr");
    }

    @Test
    void malformed_json_gets_a_400_problem_naming_the_field_never_a_500_with_class_names() throws Exception {
        assertProblem(postTenant("application/json", "[]"), 400, null, "an array for an object");
        assertProblem(postTenant("application/json", "{\"legalName\":{\"a\":1}}"), 400, "legalName", "an object for a string");
        assertProblem(postTenant("application/json", "{\"legalName\":\"X\",\"dataKinds\":[\"BOGUS\"]}"), 400, "dataKinds", "an unknown enum value");
        assertProblem(postTenant("application/json", "{\"legalName\":"), 400, null, "truncated");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertProblem(postTenant("application/json", "{\"legalName\":" + deep + "}"), 400, null, "5,000 nested levels");
        HttpResponse<String> charset = postTenant("application/json; charset=bogus", "{}");
        assertTrue(charset.statusCode() == 415 || charset.statusCode() == 400, charset.statusCode() + " " + charset.body());
        assertProblem(charset, charset.statusCode(), null, "charset=bogus");
        assertProblem(Http.get(API + "tenants?state=BOGUS", "Authorization", support), 400, "state", "an unknown enum in the query");

        // The unauthenticated monitoring ingest: the same answers.
        String metrics = API + "public/servers/1/metrics";
        for (String body : new String[] {"[]", "{\"cpuPercent\":" + deep + "}", "{\"cpuPercent\":\"x\"}"}) {
            HttpResponse<String> r = Http.post(metrics, "application/json", body, "X-Server-Token", "wrong");
            String what = "metrics " + body.substring(0, Math.min(10, body.length()));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + " → " + r.statusCode() + " " + r.body());
            assertProblem(r, r.statusCode(), null, what);
        }
        HttpResponse<String> bogus = Http.post(metrics, "application/json; charset=bogus", "{}", "X-Server-Token", "wrong");
        assertTrue(bogus.statusCode() == 415 || bogus.statusCode() == 400 || bogus.statusCode() == 401, bogus.statusCode() + " " + bogus.body());
    }

    @Test
    void client_errors_neither_flood_nor_forge_the_log() throws Exception {
        long before = Files.size(SERVER_LOG);
        String forged = "\r\n2026-12-03 12:00:00,000 ERROR [fr.gestan] FORGED-LINE granted admin \u001b[31mred";
        String huge = "A".repeat(1_000_000) + forged;
        // A Bean Validation failure in the EJB (legal name longer than 200), with line breaks and ANSI escapes.
        HttpResponse<String> invalid = postTenant("application/json", "{\"legalName\":\"" + huge.replace("\r", "\\r").replace("\n", "\\n")
                .replace("\u001b", "\\u001b") + "\",\"siren\":\"12\"}");
        assertEquals(400, invalid.statusCode(), invalid.body().substring(0, Math.min(500, invalid.body().length())));
        assertFalse(invalid.body().contains("AAAAAAAAAA"), "the value is not echoed back");
        assertProblem(invalid, 400, null, "a Bean Validation failure");
        assertTrue(invalid.body().contains("\"field\":\"details."), "the first field named: " + invalid.body());
        assertTrue(invalid.body().contains("{\"field\":\"details.legalName\",\"message\":"), "every field named: " + invalid.body());
        // 20 refused roles (the EJB refuses a client on the staff API).
        for (int i = 0; i < 20; i++) {
            assertEquals(403, Http.get(API + "tenants", "Authorization", client).statusCode());
        }
        // Malformed bodies, one of them carrying the forged line.
        for (int i = 0; i < 5; i++) {
            postTenant("application/json", "{\"legalName\":\"" + forged.replace("\r", "\\r").replace("\n", "\\n") + "\",\"dataKinds\":[\"" + "B".repeat(100_000) + "\"]}");
        }
        Thread.sleep(500);
        String appended = tail(before);
        assertTrue(appended.length() < 20_000, "the log grew by " + appended.length() + " characters:\n"
                + appended.substring(0, Math.min(3000, appended.length())));
        assertFalse(appended.contains("\u001b"), "no terminal escape reaches the log");
        assertFalse(appended.lines().anyMatch(l -> l.startsWith("2026-12-03 12:00:00,000 ERROR [fr.gestan] FORGED-LINE")), appended);
        assertFalse(appended.contains("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                "no value is logged in full");
    }

    @Test
    void a_nul_character_is_refused_as_bad_input_not_a_500() throws Exception {
        assertProblem(postTenant("application/json", "{\"legalName\":\"Nul\\u0000SARL\",\"siren\":\"842317653\"}"), 400, "legalName", "NUL in JSON");
        assertProblem(Http.get(API + "tenants?q=a%00b", "Authorization", support), 400, "q", "NUL in a query parameter");
        HttpResponse<String> page = Http.get(Http.HTTPS + "verify?number=GC%00-1");
        assertEquals(400, page.statusCode(), "a page refuses it too (the number form's GET)");
        HttpResponse<String> post = Http.post(Http.HTTPS + "verify.xhtml", "application/x-www-form-urlencoded", "upload%3Afile=GC%00-1");
        assertEquals(400, post.statusCode(), "and in a form post");
    }

    @Test
    void a_download_servlet_answers_403_not_500_when_the_ejb_refuses_the_role() throws Exception {
        // Support may open the back office but not the confidentiality agreements (admin, auditor).
        HttpResponse<String> refused = Http.get(Http.HTTPS + "admin/security/agreement-document?id=1", "Authorization", support);
        assertEquals(403, refused.statusCode(), refused.body());
    }

    @Test
    void an_ajax_postback_without_the_csp_nonce_is_refused_before_its_action_runs() throws Exception {
        // A page that keeps its view, and its nonce, in the session: the client's export page, signed in (the public
        // pages and the portal's home have no form; AnonymousSessionsIT). The postback is its list's poll, which only
        // reads: the export button would start an export.
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> page = Http.get(Http.HTTPS + "portal/tenants/export.xhtml", "Cookie", cookie, "Accept", "text/html");
        assertEquals(200, page.statusCode(), "the signed-in portal: " + page.headers().map());
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(state.find(), "view state");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page.body());
        assertTrue(nonce.find(), "nonce in the page");
        String form = "jakarta.faces.partial.ajax=true&jakarta.faces.source=export%3Apoll&jakarta.faces.partial.execute=export%3Apoll"
                + "&jakarta.faces.partial.render=export&export=export"
                + "&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> without = Http.post(Http.HTTPS + "portal/tenants/export.xhtml", "application/x-www-form-urlencoded", form,
                "Cookie", cookie, "Faces-Request", "partial/ajax");
        assertEquals(400, without.statusCode(), "refused before acting, not a 500 after: " + without.body());
        HttpResponse<String> with = Http.post(Http.HTTPS + "portal/tenants/export.xhtml", "application/x-www-form-urlencoded",
                form + "&primefaces.nonce=" + java.net.URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8),
                "Cookie", cookie, "Faces-Request", "partial/ajax");
        assertEquals(200, with.statusCode(), "the same postback with its nonce works: " + with.body());
    }

    @Test
    void a_signed_in_user_keeps_their_session_on_the_stateless_public_pages() throws Exception {
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        browser.open(Http.HTTPS + "verify");
        browser.find(By.id("number")).sendKeys("GC-1999-999998");
        browser.find(By.id("submit")).click();
        browser.waitUntil(d -> d.findElement(By.id("result-unknown")).getText().contains("Aucune attestation ne porte ce numéro."));
        assertEquals(session, browser.driver().manage().getCookieNamed("JSESSIONID").getValue(), "the same session");
        HttpResponse<String> portal = Http.get(Http.HTTPS + "portal/", "Cookie", "JSESSIONID=" + session, "Accept", "text/html");
        assertEquals(200, portal.statusCode(), "still signed in, without going back to Keycloak: " + portal.headers().map());
    }

    @Test
    void a_session_planted_before_sign_in_is_not_the_signed_in_session() throws Exception {
        browser.forgetAllSessions();
        // A session before sign-in, as a page that keeps its view gives one (the public pages give none).
        browser.open(Http.HTTPS + Deployments.STATEFUL_PAGE);
        String planted = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        browser.open(Http.HTTPS + "portal/");
        signIn("client.demo", "Gestan-Client-2026!");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(Http.HTTPS + "portal"));
        String signedIn = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertFalse(planted.equals(signedIn), "the session id changes at sign-in");
        HttpResponse<String> withPlanted = Http.get(API + "me", "Accept", "application/json", "Cookie", "JSESSIONID=" + planted);
        assertFalse(withPlanted.statusCode() == 200 || withPlanted.body().contains("client.demo"), "the planted id opens nothing: " + withPlanted.body());
        HttpResponse<String> withReal = Http.get(Http.HTTPS + "portal/", "Cookie", "JSESSIONID=" + signedIn);
        assertEquals(200, withReal.statusCode(), "the new id is the signed-in session");
    }

    @Test
    void the_sign_in_state_cookie_is_secure() throws Exception {
        HttpResponse<String> toKeycloak = Http.get(Http.HTTPS + "portal/", "Accept", "text/html");
        assertEquals(302, toKeycloak.statusCode());
        String state = toKeycloak.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("OAuth_Token_Request_State="))
                .findFirst().orElseThrow(() -> new AssertionError(toKeycloak.headers().map().toString()));
        assertTrue(state.toLowerCase(java.util.Locale.ROOT).contains("; secure") && state.contains("HttpOnly"), state);
    }

    @Test
    void the_http_to_https_redirect_never_reflects_the_host_header() throws Exception {
        String response;
        try (java.net.Socket socket = new java.net.Socket("localhost", Integer.parseInt(Http.HTTP.replaceAll(".*:(\\d+)/$", "$1")))) {
            socket.getOutputStream().write(("GET /portal/?x=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertTrue(response.startsWith("HTTP/1.1 302"), response);
        java.util.regex.Matcher location = java.util.regex.Pattern.compile("(?im)^Location: (\\S+)").matcher(response);
        assertTrue(location.find(), response);
        assertEquals(Http.HTTPS + "portal/?x=1", location.group(1));
    }

    @Test
    void the_cookie_authenticated_api_refuses_cross_origin_and_non_json_writes() throws Exception {
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertEquals(200, Http.get(API + "me", "Accept", "application/json", "Cookie", cookie).statusCode(), "the session works on the API");
        HttpResponse<String> form = Http.post(API + "me/exports", "application/x-www-form-urlencoded", "a=1",
                "Cookie", cookie, "Origin", "https://evil.example");
        assertProblem(form, 403, null, "a cross-site form post");
        HttpResponse<String> json = Http.post(API + "me/company/change-requests", "application/json", "{\"text\":\"x\"}",
                "Cookie", cookie, "Origin", "https://evil.example");
        assertProblem(json, 403, null, "JSON from another origin");
        HttpResponse<String> plain = Http.post(API + "me/exports", "text/plain", "", "Cookie", cookie);
        assertProblem(plain, 403, null, "text/plain without Origin");
    }

    @Test
    void a_token_issued_to_another_client_of_the_realm_is_refused_by_the_api() throws Exception {
        String secret = fr.gestan.cloud.it.env.TestEnvironment.SECRETS.get("GESTAN_KEYCLOAK_ADMIN_SECRET");
        HttpResponse<String> issued = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(KeycloakFixture.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=gestan-admin-api&client_secret=" + secret))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, issued.statusCode(), issued.body());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
        assertTrue(token.find());
        HttpResponse<String> me = Http.get(API + "me", "Accept", "application/json", "Authorization", "Bearer " + token.group(1));
        assertEquals(401, me.statusCode(), "not meant for gestan-web: " + me.body());
        assertEquals(200, Http.get(API + "me", "Accept", "application/json", "Authorization", client).statusCode(), "a token for gestan-web works");
        // The published development secret no longer opens anything.
        HttpResponse<String> published = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(KeycloakFixture.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=gestan-admin-api&client_secret=gestan-admin-api-dev-secret-change-me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, published.statusCode(), published.body());
    }

    /** The JSON object of one export in a list (flat objects). */
    private static String exportJson(String list, long id) {
        for (String object : list.split("}")) {
            if (object.matches("(?s).*\"id\":" + id + "(,.*|$)")) {
                return object;
            }
        }
        return "";
    }

    @Test
    void the_openapi_document_carries_the_security_headers() throws Exception {
        HttpResponse<String> doc = Http.get(Http.HTTPS + "openapi?format=JSON", "Accept", "application/json");
        assertEquals(200, doc.statusCode());
        assertEquals("nosniff", doc.headers().firstValue("X-Content-Type-Options").orElse(""), doc.headers().map().toString());
        assertTrue(doc.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), doc.headers().map().toString());
        assertEquals("DENY", doc.headers().firstValue("X-Frame-Options").orElse(""));
        // Public, so readable from any origin, but never with the reader's credentials (WildFly's handler sends both).
        assertTrue(doc.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), doc.headers().map().toString());
        HttpResponse<String> preflight = Http.send("OPTIONS", Http.HTTPS + "openapi", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), preflight.headers().map().toString());
    }

    private static long tenantId(String siren) throws Exception {
        HttpResponse<String> r = Http.get(API + "tenants?q=" + siren, "Authorization", support);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(id.find(), r.body());
        return Long.parseLong(id.group(1));
    }

    /** As the database's owner (the tests' administrator): the application's role may not refuse connections. */
    private static Connection asAdministrator(String name) throws Exception {
        String url = System.getProperty("gestan.it.db.url").replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return DriverManager.getConnection(url, System.getProperty("gestan.it.db.admin-user", System.getProperty("gestan.it.db.user")),
                System.getProperty("gestan.it.db.admin-password", System.getProperty("gestan.it.db.password")));
    }

    private static Connection database(String name) throws Exception {
        String url = System.getProperty("gestan.it.db.url").replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return DriverManager.getConnection(url, System.getProperty("gestan.it.db.user"), System.getProperty("gestan.it.db.password"));
    }

    @Test
    @Order(Integer.MAX_VALUE - 30)
    void an_export_cut_short_by_a_crash_is_marked_failed_within_a_minute_and_its_part_file_removed() throws Exception {
        String database = System.getProperty("gestan.it.db.url").replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        long exportId;
        try (Connection c = database(database);
             java.sql.PreparedStatement insert = c.prepareStatement("insert into tenant_export (tenant_id, requested_by, requested_at, state, percent, size_bytes, heartbeat_at)"
                     + " select id, 'client.demo', ?, 'RUNNING', 40, 0, ? from tenant where siren = '842317653'", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            java.sql.Timestamp dead = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(120));
            insert.setTimestamp(1, dead);
            insert.setTimestamp(2, dead);
            assertEquals(1, insert.executeUpdate());
            try (java.sql.ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                exportId = keys.getLong(1);
            }
        }
        // What the killed server left: a part file of 210 KB.
        Path part = Path.of(System.getProperty("gestan.it.server.home"), "standalone", "data", "gestan", "exports", exportId + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, new byte[210_000]);
        long deadline = System.currentTimeMillis() + 60_000;
        String shown = "";
        while (System.currentTimeMillis() < deadline) {
            shown = exportJson(Http.get(API + "me/exports", "Accept", "application/json", "Authorization", client).body(), exportId);
            if (shown.contains("\"state\":\"FAILED\"")) {
                break;
            }
            Thread.sleep(2000);
        }
        String mine = shown;
        assertTrue(mine.contains("\"state\":\"FAILED\"") && mine.contains("\"failedPart\":\"interrupted\""), "the client is told: " + mine);
        assertFalse(Files.exists(part), "the part file is removed");
    }

    @Test
    @Order(Integer.MAX_VALUE - 20)
    void a_suspended_tenants_open_portal_session_is_refused_on_its_next_request() throws Exception {
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        long id = tenantId("842317653");
        try {
            HttpResponse<String> suspended = Http.post(API + "tenants/" + id + "/suspend", "application/json",
                    "{\"reason\":\"Unpaid invoices (test)\"}", "Authorization", support);
            assertEquals(200, suspended.statusCode(), suspended.body());
            Thread.sleep(3500); // the per-user answer is kept 3 s at most
            browser.open(Http.HTTPS + "portal/");
            String page = browser.driver().getPageSource();
            assertTrue(page.contains("suspendu"), "refused with the reason: " + browser.url());
            browser.open(Http.HTTPS + "portal/");
            assertFalse(browser.url().startsWith(Http.HTTPS + "portal"), "the session is over: " + browser.url());
        } finally {
            HttpResponse<String> back = Http.post(API + "tenants/" + id + "/reactivate", "application/json",
                    "{\"reason\":\"Paid (test)\"}", "Authorization", support);
            assertEquals(200, back.statusCode(), back.body());
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 10)
    void a_database_outage_answers_503_with_retry_after_and_readiness_goes_down() throws Exception {
        String database = System.getProperty("gestan.it.db.url").replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        String ready = "http://localhost:" + (9990 + fr.gestan.cloud.it.env.TestEnvironment.PORT_OFFSET) + "/health/ready";
        try (Connection admin = asAdministrator("postgres"); java.sql.Statement sql = admin.createStatement()) {
            try {
                sql.execute("alter database " + database + " allow_connections false");
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "' and pid <> pg_backend_pid()");
                HttpResponse<String> api = Http.get(API + "tenants?max=3", "Authorization", support);
                assertEquals(503, api.statusCode(), api.body());
                assertTrue(api.headers().firstValue("Retry-After").isPresent(), api.headers().map().toString());
                assertProblem(api, 503, null, "API during the outage");
                // /status is drawn from the node's kept board, at most 5 s old (StatusBoardCache, computed ahead by
                // PublicMemosAhead while visitors read it): the outage shows on it once that window is past.
                HttpResponse<String> page = Http.get(Http.HTTPS + "status", "Accept", "text/html");
                for (long until = System.nanoTime() + 15_000_000_000L; page.statusCode() != 503 && System.nanoTime() < until; ) {
                    Thread.sleep(500);
                    page = Http.get(Http.HTTPS + "status", "Accept", "text/html");
                }
                assertEquals(503, page.statusCode(), page.body());
                assertTrue(page.headers().firstValue("Retry-After").isPresent());
                assertTrue(page.body().contains("momentanément indisponible"), page.body());
                HttpResponse<String> health = Http.get(ready);
                assertEquals(503, health.statusCode(), health.body());
                assertTrue(health.body().contains("\"database\"") && health.body().contains("DOWN"), health.body());
            } finally {
                sql.execute("alter database " + database + " allow_connections true");
            }
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (Http.get(ready).statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
        }
        assertEquals(200, Http.get(ready).statusCode(), "ready again");
        assertEquals(200, Http.get(API + "tenants?max=3", "Authorization", support).statusCode(), "the service is back");
        // A redeployment runs the migrations through the schema owner's pool (GestanMigrationDS), which the outage
        // emptied too: its connections must be checked before use, or the deployment fails on a closed one.
        try (ModelControllerClient management = ModelControllerClient.Factory.create("localhost",
                9990 + fr.gestan.cloud.it.env.TestEnvironment.PORT_OFFSET)) {
            ModelNode redeploy = Operations.createOperation("redeploy", Operations.createAddress("deployment", "gestan.ear"));
            ModelNode outcome = management.execute(redeploy);
            assertTrue(Operations.isSuccessfulOutcome(outcome), () -> "redeployed after the outage: " + outcome);
        }
        deadline = System.currentTimeMillis() + 60_000;
        while (Http.get(ready).statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
        }
        assertEquals(200, Http.get(API + "tenants?max=3", "Authorization", support).statusCode(), "the service is back after redeployment");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void without_keycloak_public_pages_work_and_sign_in_answers_503_not_403_or_500() throws Exception {
        fr.gestan.cloud.it.env.TestEnvironment.stopKeycloakForTest();
        try {
            assertEquals(200, Http.get(Http.HTTPS + "verify.xhtml").statusCode(), "public pages keep working");
            for (String page : new String[] {"portal/", "admin/"}) {
                // The server re-checks Keycloak at most every 5 s (SignInService): until its last "up" answer
                // expires a visitor is still sent to Keycloak's address; after that, 503.
                HttpResponse<String> r = Http.get(Http.HTTPS + page, "Accept", "text/html");
                for (long deadline = System.nanoTime() + 15_000_000_000L; r.statusCode() != 503 && System.nanoTime() < deadline; ) {
                    Thread.sleep(500);
                    r = Http.get(Http.HTTPS + page, "Accept", "text/html");
                }
                assertEquals(503, r.statusCode(), page + ": " + r.headers().firstValue("Location").orElse("") + " " + r.body());
                assertTrue(r.headers().firstValue("Retry-After").isPresent());
                assertTrue(r.body().contains("service de connexion est momentanément indisponible"), r.body());
            }
            // A token whose key the server does not know must be checked with Keycloak: unavailable, not a 500.
            String b64 = "eyJhbGciOiJSUzI1NiIsImtpZCI6InVua25vd24ta2lkIiwidHlwIjoiSldUIn0";
            String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + KeycloakFixture.realmUrl()
                    + "\",\"aud\":\"gestan-web\",\"exp\":" + (System.currentTimeMillis() / 1000 + 300) + ",\"sub\":\"x\",\"preferred_username\":\"x\"}")
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> api = Http.get(API + "me", "Accept", "application/json", "Authorization", "Bearer " + b64 + "." + payload + ".c2lnbmF0dXJl");
            assertEquals(503, api.statusCode(), api.body());
            assertProblem(api, 503, null, "API without Keycloak");
        } finally {
            fr.gestan.cloud.it.env.TestEnvironment.startKeycloakAgain();
        }
    }

    /** What the server's log gained since {@code from} (its length then). */
    static String tail(long from) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(SERVER_LOG.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - from, 50_000_000)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
