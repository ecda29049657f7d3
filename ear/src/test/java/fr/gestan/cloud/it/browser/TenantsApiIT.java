package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.browser.Http.API;
import static fr.gestan.cloud.it.env.DemoTenants.CLIENT_SIREN;
import static fr.gestan.cloud.it.env.DemoTenants.OTHER_SIREN;

import fr.gestan.cloud.it.support.Ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenants REST API over HTTP with real Keycloak tokens: documented in /openapi, 401 JSON without a token
 * whatever the Accept header, and a client refused (403/404, no data) on every staff endpoint and on every id of
 * another tenant.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantsApiIT extends OnJourneyEar {

    private static String client;
    private static String support;

    @BeforeAll
    static void tokens() {
        KeycloakFixture.awaitReady();
        client = KeycloakFixture.clientBearer();
        support = KeycloakFixture.supportBearer();
    }

    @Test
    void the_openapi_document_lists_the_staff_and_client_tenant_endpoints() throws Exception {
        HttpResponse<String> doc = Http.get(Http.HTTPS + "openapi?format=JSON", "Accept", "application/json");
        assertEquals(200, doc.statusCode(), doc.body());
        String body = doc.body();
        for (String path : List.of("/api/v1/tenants\"", "/api/v1/tenants/page\"", "/api/v1/tenants/{id}\"",
                "/api/v1/tenants/{id}/suspend\"", "/api/v1/tenants/{id}/reactivate\"", "/api/v1/tenants/{id}/terminate\"",
                "/api/v1/tenants/{id}/accounts\"", "/api/v1/tenants/accounts/{accountId}/reset\"",
                "/api/v1/tenants/accounts/{accountId}/reveal\"", "/api/v1/tenants/accounts/reset-requests\"",
                "/api/v1/tenants/{id}/portal-users\"", "/api/v1/tenants/change-requests\"",
                "/api/v1/tenants/change-requests/{requestId}/close\"", "/api/v1/tenants/{id}/exports\"",
                "/api/v1/tenants/exports/{exportId}\"", "/api/v1/tenants/exports/{exportId}/zip\"",
                "/api/v1/me/company\"", "/api/v1/me/company/change-requests\"", "/api/v1/me/accounts\"",
                "/api/v1/me/accounts/{id}/reset-request\"", "/api/v1/me/accounts/{id}/changed\"",
                "/api/v1/me/exports\"", "/api/v1/me/exports/{id}\"", "/api/v1/me/exports/{id}/zip\"")) {
            assertTrue(body.contains("\"" + path), "documented: " + path);
        }
    }

    /**
     * The staff's and the client's inclusion proofs are one resource method on two root paths
     * ({@code MyJournalProofResource} inherits {@code JournalProofResource}'s): both are documented and routed (an
     * unknown entry is "not found", a POST is "method not allowed", which an unknown path would not be).
     */
    @Test
    void the_journal_inclusion_proofs_answer_on_the_staff_and_the_client_paths() throws Exception {
        String doc = Http.get(Http.HTTPS + "openapi?format=JSON", "Accept", "application/json").body();
        for (String[] call : List.of(new String[] {"journal/entries/", support}, new String[] {"me/journal/entries/", client})) {
            assertTrue(doc.contains("\"/api/v1/" + call[0] + "{id}/inclusion\""), "documented: " + call[0]);
            HttpResponse<String> unknown = Http.get(API + call[0] + "999999999/inclusion", "Authorization", call[1], "Accept", "application/json");
            assertEquals(404, unknown.statusCode(), call[0] + " " + unknown.body());
            HttpResponse<String> posted = Http.send("POST", API + call[0] + "999999999/inclusion", null, "Authorization", call[1]);
            assertEquals(405, posted.statusCode(), call[0] + " " + posted.body());
        }
    }

    @Test
    void without_a_token_the_api_answers_401_json_whatever_the_accept_header() throws Exception {
        for (String base : List.of(Http.HTTPS)) {
            for (String[] headers : List.of(new String[]{"Accept", "*/*"}, new String[]{}, new String[]{"Accept", "application/json"},
                    new String[]{"Accept", "text/*"}, new String[]{"Accept", "application/zip"})) {
                HttpResponse<String> r = Http.get(base + "api/v1/me", headers);
                assertEquals(401, r.statusCode(), base + " " + String.join(" ", headers) + " → " + r.headers().map());
                assertTrue(r.body().contains("\"status\":401"), r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            }
            assertEquals(401, Http.get(base + "api/v1/tenants/1/accounts", "Accept", "*/*").statusCode());
        }
        // Plain HTTP: never the API, whatever the headers (a problem pointing to HTTPS).
        for (String path : List.of("api/v1/me", "api/v1/tenants/1/accounts", "api/v1/public/status")) {
            HttpResponse<String> clear = Http.get(Http.HTTP + path, "Accept", "*/*", "Authorization", support);
            assertEquals(403, clear.statusCode(), path + " " + clear.body());
            assertTrue(clear.body().contains("https-required"), clear.body());
        }
        // Public resources keep their own formats (Atom) whatever the Accept header.
        HttpResponse<String> feed = Http.get(Http.HTTPS + "api/v1/public/status/feed.atom", "Accept", "*/*");
        assertEquals(200, feed.statusCode());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        // A browser opening an API address still goes to the sign-in page.
        HttpResponse<String> browser = Http.get(Http.HTTPS + "api/v1/me", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(302, browser.statusCode());
    }

    @Test
    void a_client_is_refused_on_every_staff_endpoint_and_on_every_id_of_another_tenant() throws Exception {
        long otherId = tenantId(OTHER_SIREN);
        long ownId = tenantId(CLIENT_SIREN);

        // Another tenant's export and (if this support member is cleared) hosted account exist.
        HttpResponse<String> started = Http.send("POST", API + "tenants/" + otherId + "/exports", null, "Authorization", support);
        assertEquals(202, started.statusCode(), started.body());
        long foreignExport = firstId(started.body());
        // Another tenant's hosted account, written straight into the test database (support.demo holds no
        // confidentiality agreement in a fresh database, so the API rightly refuses to create one).
        long foreignAccount = insertAccount(otherId, "xtenant." + System.nanoTime() % 1_000_000);
        HttpResponse<String> created = Http.send("POST", API + "tenants/" + otherId + "/accounts",
                "{\"holderName\":\"Cross Tenant\"}", "Authorization", support);
        assertTrue(created.statusCode() == 201 || created.statusCode() == 403, created.body());

        // Every staff operation, with the other tenant's ids and even the client's own: 403, nothing of anyone.
        List<String[]> staff = new ArrayList<>(List.of(
                new String[]{"GET", "tenants", null}, new String[]{"GET", "tenants/page", null},
                new String[]{"GET", "tenants/" + otherId, null}, new String[]{"GET", "tenants/" + ownId, null},
                new String[]{"PUT", "tenants/" + otherId + "?version=0", "{\"legalName\":\"Pirate\",\"siren\":\"" + OTHER_SIREN + "\"}"},
                new String[]{"POST", "tenants", "{\"legalName\":\"Pirate\",\"siren\":\"" + OTHER_SIREN + "\"}"},
                new String[]{"POST", "tenants/" + otherId + "/suspend", "{\"reason\":\"cross-tenant test\"}"},
                new String[]{"POST", "tenants/" + otherId + "/reactivate", "{\"reason\":\"cross-tenant test\"}"},
                new String[]{"POST", "tenants/" + otherId + "/terminate", "{\"reason\":\"cross-tenant test\"}"},
                new String[]{"GET", "tenants/" + otherId + "/accounts", null},
                new String[]{"POST", "tenants/" + otherId + "/accounts", "{\"holderName\":\"Pirate\"}"},
                new String[]{"GET", "tenants/accounts/reset-requests", null},
                new String[]{"GET", "tenants/" + otherId + "/portal-users", null},
                new String[]{"POST", "tenants/" + otherId + "/portal-users", "{\"email\":\"pirate@example.com\",\"firstName\":\"P\",\"lastName\":\"P\"}"},
                new String[]{"GET", "tenants/change-requests", null},
                new String[]{"POST", "tenants/change-requests/1/close", "{\"reason\":\"closed by a client\"}"},
                new String[]{"POST", "tenants/" + otherId + "/exports", null},
                new String[]{"GET", "tenants/exports/" + foreignExport, null},
                new String[]{"GET", "tenants/exports/" + foreignExport + "/zip", null}));
        staff.add(new String[]{"POST", "tenants/accounts/" + foreignAccount + "/reset", "{\"reason\":\"cross-tenant test\"}"});
        staff.add(new String[]{"POST", "tenants/accounts/" + foreignAccount + "/reveal", "{\"reason\":\"cross-tenant test reason\"}"});
        for (String[] call : staff) {
            HttpResponse<String> r = Http.send(call[0], API + call[1], call[2], "Authorization", client, "Accept", "application/json");
            assertTrue(r.statusCode() == 403 || r.statusCode() == 404, call[0] + " " + call[1] + " → " + r.statusCode() + " " + r.body());
            assertNoOtherTenant(r.body(), call[0] + " " + call[1]);
        }

        // The client's own endpoints with the other tenant's ids: 404, no data.
        for (String path : List.of("me/exports/" + foreignExport, "me/exports/" + foreignExport + "/zip")) {
            HttpResponse<String> r = Http.get(API + path, "Authorization", client, "Accept", "application/json");
            assertEquals(404, r.statusCode(), path + " " + r.body());
            assertNoOtherTenant(r.body(), path);
        }
        for (String action : List.of("reset-request", "changed")) {
            HttpResponse<String> r = Http.send("POST", API + "me/accounts/" + foreignAccount + "/" + action, null, "Authorization", client);
            assertEquals(404, r.statusCode(), action + " " + r.body());
            assertNoOtherTenant(r.body(), action);
        }
        HttpResponse<String> after = Http.get(API + "tenants/" + otherId + "/accounts", "Authorization", support);
        assertTrue(after.body().contains("\"id\":" + foreignAccount), after.body());
        assertFalse(after.body().contains("\"resetRequestedAt\""), "the foreign account was not touched: " + after.body());
        assertFalse(after.body().contains("\"changedAt\""), "the foreign account was not touched: " + after.body());
        // Every export id up to the foreign one: the client only ever gets its own.
        for (long id = Math.max(1, foreignExport - 60); id <= foreignExport; id++) {
            HttpResponse<String> r = Http.get(API + "me/exports/" + id, "Authorization", client);
            assertTrue(r.statusCode() == 404 || (r.statusCode() == 200 && r.body().contains("\"tenantSiren\":\"" + CLIENT_SIREN + "\"")),
                    "export " + id + " → " + r.statusCode() + " " + r.body());
            assertNoOtherTenant(r.body(), "export " + id);
        }

        // A request body naming another tenant changes nothing: the company is the caller's.
        String text = "Cross-tenant check " + System.nanoTime();
        HttpResponse<String> asked = Http.send("POST", API + "me/company/change-requests",
                "{\"text\":\"" + text + "\",\"tenantSiren\":\"" + OTHER_SIREN + "\",\"tenantId\":" + otherId + ",\"siren\":\"" + OTHER_SIREN + "\"}",
                "Authorization", client);
        assertEquals(201, asked.statusCode(), asked.body());
        assertTrue(asked.body().contains("\"tenantSiren\":\"" + CLIENT_SIREN + "\""), asked.body());
        HttpResponse<String> company = Http.get(API + "me/company", "Authorization", client);
        assertEquals(200, company.statusCode());
        assertTrue(company.body().contains(CLIENT_SIREN));
        for (String path : List.of("me/company", "me/company/change-requests", "me/accounts", "me/exports")) {
            assertNoOtherTenant(Http.get(API + path, "Authorization", client).body(), path);
        }
        // Staff do see the other tenant's export: the refusals above are about the caller, not a broken id.
        assertEquals(200, Http.get(API + "tenants/exports/" + foreignExport, "Authorization", support).statusCode());
    }

    @Test
    void staff_drive_a_tenant_through_the_api_suspend_reactivate_terminate_and_export() throws Exception {
        String siren = Ids.siren();
        String details = "{\"legalName\":\"API Cycle SARL\",\"siren\":\"" + siren + "\",\"address\":{\"line1\":\"1 rue de l'API\","
                + "\"postalCode\":\"75002\",\"city\":\"Paris\",\"countryCode\":\"FR\"},\"administrative\":{\"name\":\"Ada Lovelace\","
                + "\"email\":\"ada@api-cycle.example\"},\"dataKinds\":[]}";
        HttpResponse<String> created = Http.send("POST", API + "tenants", details, "Authorization", support);
        assertEquals(201, created.statusCode(), created.body());
        long id = tenantId(siren);
        HttpResponse<String> blank = Http.send("POST", API + "tenants/" + id + "/suspend", "{\"reason\":\"\"}", "Authorization", support);
        assertEquals(400, blank.statusCode(), "a reason is required: " + blank.body());
        assertEquals(200, Http.send("POST", API + "tenants/" + id + "/suspend", "{\"reason\":\"unpaid invoices\"}", "Authorization", support).statusCode());
        assertEquals(409, Http.send("POST", API + "tenants/" + id + "/suspend", "{\"reason\":\"again\"}", "Authorization", support).statusCode());
        assertEquals(200, Http.send("POST", API + "tenants/" + id + "/reactivate", "{\"reason\":\"paid\"}", "Authorization", support).statusCode());
        HttpResponse<String> export = Http.send("POST", API + "tenants/" + id + "/exports", null, "Authorization", support);
        assertEquals(202, export.statusCode());
        long exportId = firstId(export.body());
        String state = "RUNNING";
        for (int i = 0; i < 120 && state.equals("RUNNING"); i++) {
            Thread.sleep(250);
            state = match("\"state\":\"(\\w+)\"", Http.get(API + "tenants/exports/" + exportId, "Authorization", support).body());
        }
        assertEquals("READY", state);
        HttpResponse<byte[]> zip = Http.getBytes(API + "tenants/exports/" + exportId + "/zip", "Authorization", support);
        assertEquals(200, zip.statusCode());
        assertEquals('P', zip.body()[0]);
        // The same download headers as the servlets' (Attachment): a named attachment, never cached, never sniffed.
        assertTrue(zip.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"[^\"/]+\\.zip\""),
                zip.headers().map().toString());
        assertEquals("no-store", zip.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", zip.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(200, Http.send("POST", API + "tenants/" + id + "/terminate", "{\"reason\":\"end of contract\"}", "Authorization", support).statusCode());
        assertEquals(409, Http.send("POST", API + "tenants/" + id + "/reactivate", "{\"reason\":\"never\"}", "Authorization", support).statusCode());
    }

    private static long insertAccount(long tenantId, String login) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("gestan.it.db.url"),
                System.getProperty("gestan.it.db.user"), System.getProperty("gestan.it.db.password", ""));
             PreparedStatement s = c.prepareStatement("insert into hosted_account (tenant_id, login, holder_name, secret_issued_at,"
                     + " secret_expires_on, must_change, created_at) values (?, ?, 'Cross Tenant', now(), current_date + 30, true, now())",
                     new String[]{"id"})) {
            s.setLong(1, tenantId);
            s.setString(2, login);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                return keys.getLong(1);
            }
        }
    }

    private static long tenantId(String siren) throws Exception {
        HttpResponse<String> r = Http.get(API + "tenants?q=" + siren, "Authorization", support);
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(match("\"id\":(\\d+),\"legalName\":\"[^\"]*\",\"siren\":\"" + siren + "\"", r.body()));
    }

    private static long firstId(String json) {
        return Long.parseLong(match("\"id\":(\\d+)", json));
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }

    private static void assertNoOtherTenant(String body, String what) {
        assertFalse(body.contains(OTHER_SIREN), what + " leaks the other tenant: " + body);
        assertFalse(body.contains("Cabinet Durand"), what + " leaks the other tenant: " + body);
    }
}
