package fr.gestan.cloud.it.browser;

import static fr.gestan.cloud.it.browser.Http.API;
import static fr.gestan.cloud.it.env.DemoTenants.CLIENT_SIREN;
import static fr.gestan.cloud.it.env.DemoTenants.OTHER_SIREN;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 18 item 2, end to end: a client contact creates API clients in the portal (the secret shown once), an
 * integration obtains tokens with them by the client-credentials grant and calls the API for its own company only,
 * a read-only client cannot write, the journal names the API client, and a revoked client is refused at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiClientsJourneyIT extends BrowserJourney {

    static final String PAGE = "portal/tenants/api-clients.xhtml";

    record Created(String clientId, String secret, String tokenUrl) {
    }

    @Test
    void a_client_creates_api_clients_that_act_for_its_company_only_and_revokes_them() throws Exception {
        signInAt(PAGE, "client.demo", "Gestan-Client-2026!");
        Created reader = create("ERP (lecture)", "READ");
        assertTrue(reader.clientId().startsWith("api-" + CLIENT_SIREN + "-"), reader.clientId());
        assertTrue(reader.secret().length() >= 40, "a long random secret");
        // Shown once: the page opened again lists the client, never its secret.
        browser.open(Http.HTTPS + PAGE);
        browser.waitUntil(d -> d.getPageSource().contains(reader.clientId()));
        assertFalse(browser.driver().getPageSource().contains(reader.secret()), "the secret is shown only once");
        assertTrue(browser.driver().findElements(By.id("issued-secret")).isEmpty());
        Created writer = create("ERP (écriture)", "WRITE");

        // Tokens by the client-credentials grant, with the API's audience and the roles of the scope.
        KeycloakFixture.TokenResult readGrant = KeycloakFixture.clientCredentialsGrant(reader.tokenUrl(), reader.clientId(), reader.secret());
        assertTrue(readGrant.ok(), readGrant.body());
        String readToken = "Bearer " + readGrant.accessToken();
        String claims = KeycloakFixture.claims(readGrant.accessToken());
        assertTrue(claims.contains("\"gestan-web\""), "audience of the API: " + claims);
        assertTrue(claims.contains("\"api-read\"") && !claims.contains("\"api-write\"") && !claims.contains("\"client\""), claims);
        KeycloakFixture.TokenResult writeGrant = KeycloakFixture.clientCredentialsGrant(writer.tokenUrl(), writer.clientId(), writer.secret());
        assertTrue(writeGrant.ok(), writeGrant.body());
        String writeToken = "Bearer " + writeGrant.accessToken();
        assertFalse(KeycloakFixture.clientCredentialsGrant(reader.tokenUrl(), reader.clientId(), "wrong-" + reader.secret()).ok());

        // Its own company only.
        HttpResponse<String> company = Http.get(API + "me/company", "Authorization", readToken);
        assertEquals(200, company.statusCode(), company.body());
        assertTrue(company.body().contains("\"siren\":\"" + CLIENT_SIREN + "\""), company.body());
        assertEquals(200, Http.get(API + "me/company/change-requests", "Authorization", readToken).statusCode());
        String support = KeycloakFixture.supportBearer();
        long otherId = Long.parseLong(match("\"id\":(\\d+),\"legalName\":\"[^\"]*\",\"siren\":\"" + OTHER_SIREN + "\"",
                Http.get(API + "tenants?q=" + OTHER_SIREN, "Authorization", support).body()));
        HttpResponse<String> foreign = Http.send("POST", API + "tenants/" + otherId + "/exports", null, "Authorization", support);
        assertEquals(202, foreign.statusCode(), foreign.body());
        long foreignExport = Long.parseLong(match("\"id\":(\\d+)", foreign.body()));
        for (String token : List.of(readToken, writeToken)) {
            // Another company's export, by either address: "not found", as for a contact.
            assertEquals(404, Http.get(API + "me/exports/" + foreignExport, "Authorization", token).statusCode(), "another company's export");
            assertEquals(404, Http.get(API + "tenants/exports/" + foreignExport, "Authorization", token).statusCode(), "another company's export");
            for (String path : List.of("tenants/" + otherId, "tenants", "tenants/" + otherId + "/accounts", "tenants/" + otherId + "/portal-users")) {
                HttpResponse<String> refused = Http.get(API + path, "Authorization", token);
                assertEquals(403, refused.statusCode(), path + " " + refused.body());
                assertFalse(refused.body().contains(OTHER_SIREN), refused.body());
            }
            // Nor may it manage API clients or open the portal.
            assertEquals(403, Http.get(Http.HTTPS + "portal/index.xhtml", "Authorization", token).statusCode());
        }

        // Read-only cannot write; read-write can, and the journal names the API client.
        String text = "{\"text\":\"Nouvelle adresse de facturation (intégration)\"}";
        HttpResponse<String> readOnly = Http.send("POST", API + "me/company/change-requests", text, "Authorization", readToken);
        assertEquals(403, readOnly.statusCode(), readOnly.body());
        HttpResponse<String> written = Http.send("POST", API + "me/company/change-requests", text, "Authorization", writeToken);
        assertEquals(201, written.statusCode(), written.body());
        assertTrue(written.body().contains("service-account-" + writer.clientId()), "requested by the API client: " + written.body());
        browser.open(Http.HTTPS + "portal/security/journal.xhtml");
        String journal = browser.waitUntil(d -> {
            String source = d.getPageSource();
            return source.contains("Modification demandée") ? source : null;
        });
        assertTrue(journal.contains("service-account-" + writer.clientId() + " (API en écriture)"), "the API client is the actor");
        assertTrue(journal.contains("Client d’API créé"), "creations are journaled");

        // Revoked: the token it holds is refused at once, and it gets no new one.
        browser.open(Http.HTTPS + PAGE);
        WebElement row = browser.waitUntil(d -> d.findElement(By.xpath("//tr[.//code[text()='" + reader.clientId() + "']]")));
        row.findElement(By.cssSelector("button.revoke")).click();
        // revoking asks first (issue 21): the dialog names the consequence, "Oui, confirmer" goes ahead
        browser.waitUntil(d -> d.findElement(By.id("confirm")).isDisplayed());
        assertTrue(browser.find(By.id("confirm")).getText().contains("Révoquer ce client d’API"));
        browser.find(By.id("confirm-yes")).click();
        browser.waitUntil(d -> !d.findElements(By.xpath("//tr[.//code[text()='" + reader.clientId() + "']]//*[contains(@class,'client-revoked')]")).isEmpty());
        HttpResponse<String> afterRevoke = Http.get(API + "me/company", "Authorization", readToken);
        assertEquals(403, afterRevoke.statusCode(), afterRevoke.body());
        assertTrue(afterRevoke.body().contains("api-client-refused"), afterRevoke.body());
        KeycloakFixture.TokenResult noMore = KeycloakFixture.clientCredentialsGrant(reader.tokenUrl(), reader.clientId(), reader.secret());
        assertFalse(noMore.ok(), noMore.body());
        assertEquals(200, Http.get(API + "me/company", "Authorization", writeToken).statusCode(), "the other client still works");
        browser.open(Http.HTTPS + "portal/security/journal.xhtml");
        browser.waitUntil(d -> d.getPageSource().contains("Client d’API révoqué"));
    }

    @Test
    void the_openapi_document_declares_the_security_schemes_and_what_api_clients_may_call() throws Exception {
        HttpResponse<String> doc = Http.get(Http.HTTPS + "openapi?format=JSON", "Accept", "application/json");
        assertEquals(200, doc.statusCode(), doc.body());
        String body = doc.body().replaceAll("\\s+", "");
        assertTrue(body.contains("\"securitySchemes\""), "security schemes");
        assertTrue(body.contains("\"clientCredentials\":{\"tokenUrl\":\"" + KeycloakFixture.realmUrl() + "/protocol/openid-connect/token\""),
                "client-credentials flow at the realm's token address");
        assertTrue(body.contains("\"scheme\":\"bearer\""), "bearer scheme");
        assertTrue(body.contains("APIclients:roleapi-write."), "the operations open to API clients say which role");
        assertTrue(body.contains("APIclients:notallowed."), "and the others that they are closed to API clients");
    }

    @Test
    void an_api_client_without_a_name_is_refused_with_a_localised_message() {
        signInAt(PAGE, "client.demo", "Gestan-Client-2026!");
        browser.find(By.id("create:label")).clear();
        browser.find(By.id("create:create-button")).click();
        browser.waitUntil(d -> d.getPageSource().contains("Donnez un nom au client d") || d.getPageSource().contains("Give the API client a name"));
        assertTrue(browser.driver().findElements(By.id("issued-secret")).isEmpty());
    }

    private static Created create(String label, String scope) {
        browser.find(By.id("create:label")).clear();
        browser.find(By.id("create:label")).sendKeys(label);
        new Select(browser.find(By.id("create:scope"))).selectByValue(scope);
        browser.find(By.id("create:create-button")).click();
        String clientId = browser.find(By.id("issued-client-id")).getText();
        String secret = browser.find(By.id("issued-secret")).getText();
        String tokenUrl = browser.find(By.id("issued-token-url")).getText();
        assertNotNull(secret);
        return new Created(clientId, secret, tokenUrl);
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }
}
