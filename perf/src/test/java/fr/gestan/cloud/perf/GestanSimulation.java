package fr.gestan.cloud.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The load harness: signed-in clients and staff, anonymous visitors and API clients on a running instance
 * (./run.sh), for {@code -Dduration} seconds, with {@code -Dusers} signed-in users (4 clients of different tenants for
 * 1 staff member), plus one anonymous visitor and one API client per 10 of them. The request named
 * {@value #BASELINE} (the static-like home page, served by the same Faces servlet and layout) is the baseline that
 * {@link Summary} divides every page's p95 by. See docs/performance.md.
 */
public class GestanSimulation extends Simulation {

    /** The trivial page of the run: every ratio is to its p95. */
    static final String BASELINE = "baseline: home";

    static final int USERS = Integer.getInteger("users", 50);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("duration", 300));
    static final String GESTAN = System.getProperty("gestan.url", "https://localhost:8443");
    static final String KEYCLOAK = System.getProperty("keycloak.url", "https://localhost:8543");

    static final int STAFF = Math.max(1, USERS / 5);
    static final int CLIENTS = Math.max(1, USERS - STAFF);
    static final int VISITORS = Math.max(1, USERS / 10);

    private static final Duration THINK_MIN = Duration.ofMillis(500);
    private static final Duration THINK_MAX = Duration.ofMillis(2000);
    static final int EXPORT_FIRST_VISIT = 4;
    static final int EXPORT_LAST_VISIT = 20;

    final PerfRealm realm = new PerfRealm(GESTAN, KEYCLOAK);
    final List<PerfRealm.Staff> staff = realm.prepareStaff(STAFF);
    final List<PerfRealm.Client> clients = realm.prepareClients(CLIENTS);

    HttpProtocolBuilder protocol = http.baseUrl(GESTAN)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("fr-FR,fr;q=0.9,en;q=0.8")
            .userAgentHeader("gestan-load-harness")
            .disableCaching();

    /** Signs in through Keycloak's form (and its TOTP form for staff), as a browser does. */
    static ChainBuilder signIn(String home) {
        return exec(http("sign-in: Keycloak form").get("/signin")
                        .check(css("#kc-form-login", "action").transform(GestanSimulation::unescape).saveAs("loginAction")))
                .exec(http("sign-in: password").post("#{loginAction}")
                        .formParam("username", "#{username}").formParam("password", PerfRealm.PASSWORD).formParam("credentialId", "")
                        .check(css("#kc-otp-login-form", "action").transform(GestanSimulation::unescape).optional().saveAs("otpAction")))
                .doIf(session -> session.contains("otpAction")).then(
                        exec(session -> session.set("otp", Totp.code(session.getString("otpKey"))))
                                .exec(http("sign-in: TOTP").post("#{otpAction}").formParam("otp", "#{otp}").formParam("login", "Sign In")))
                .exec(http("sign-in: home").get(home).check(status().is(200), substring("kc-form-login").notExists()).check(complete()));
    }

    /** An attribute's value as the browser reads it (null when an optional check found nothing). */
    static String unescape(String attribute) {
        return attribute == null ? null : attribute.replace("&amp;", "&");
    }

    static ChainBuilder page(String name, String path) {
        return exec(http(name).get(path).check(status().is(200)).check(complete())).pause(THINK_MIN, THINK_MAX);
    }

    /**
     * The whole page came, not only its status: the layout's footer, once, after every tile, then the end of the
     * document. A page that stops rendering halfway has already answered 200 (the back-office dashboard did so 84 times
     * in runs 3 and 4 of docs/performance.md, section 4.4, and counted no error); it is now a KO.
     */
    static CheckBuilder[] complete() {
        return new CheckBuilder[] {substring("<footer class=\"footer\">").count().is(1), substring("</html>").exists()};
    }

    /** A whole PrimeFaces AJAX answer, without an error in it. */
    static CheckBuilder[] completePartial() {
        return new CheckBuilder[] {substring("<partial-response"), substring("</partial-response>").exists(), substring("<error>").notExists()};
    }

    /** A whole JSON document (a cut one does not parse). */
    static CheckBuilder completeJson() {
        return jsonPath("$").exists();
    }

    /** Faces' view state of the last page, for its AJAX requests. */
    static io.gatling.javaapi.core.CheckBuilder.Final viewState() {
        return css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState");
    }

    /** The page's CSP nonce, which every AJAX postback must send back (CspNonceCheck, PrimeFaces). */
    static io.gatling.javaapi.core.CheckBuilder.Final nonce() {
        return regex("nonce=\"([^\"]+)\"").saveAs("nonce");
    }

    /** A PrimeFaces data table's AJAX paging request (what clicking "next page" posts). */
    static ChainBuilder tablePage(String name, String form, String table, String first) {
        String id = form + ":" + table;
        return exec(http(name).post(session -> session.getString("page"))
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .formParam("jakarta.faces.partial.ajax", "true").formParam("jakarta.faces.source", id)
                .formParam("jakarta.faces.partial.execute", id).formParam("jakarta.faces.partial.render", id)
                .formParam(id, id).formParam(id + "_pagination", "true").formParam(id + "_first", first)
                .formParam(id + "_rows", "25").formParam(id + "_skipChildren", "true").formParam(id + "_encodeFeature", "true")
                .formParam(form, form).formParam("jakarta.faces.ViewState", "#{viewState}").formParam("primefaces.nonce", "#{nonce}")
                .check(status().is(200)).check(completePartial()))
                .pause(THINK_MIN, THINK_MAX);
    }

    /** The tenant list's filter (what the "apply" button posts): the rows shown must contain {@code expected}. */
    static ChainBuilder tenantSearch(String name, String text, String expected) {
        return exec(http(name).post("/admin/tenants/index.xhtml")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .formParam("jakarta.faces.partial.ajax", "true").formParam("jakarta.faces.source", "tenants:apply")
                .formParam("jakarta.faces.partial.execute", "tenants:apply tenants:text tenants:state").formParam("jakarta.faces.partial.render", "tenants:list")
                .formParam("tenants:apply", "tenants:apply").formParam("tenants", "tenants")
                .formParam("tenants:text", text).formParam("tenants:state_input", "")
                .formParam("jakarta.faces.ViewState", "#{viewState}").formParam("primefaces.nonce", "#{nonce}")
                .check(status().is(200), substring(expected)).check(completePartial()))
                .pause(THINK_MIN, THINK_MAX);
    }

    /**
     * A client asks for its company's export (the "Exporter" button's AJAX post, as the browser sends it), once per
     * signed-in client: the export is built in the background while the client goes on visiting. A button disabled
     * because an export runs already answers the same partial page without starting one.
     */
    static ChainBuilder exportRequest() {
        return exec(session -> session.set("page", "/portal/tenants/export.xhtml"))
                .exec(http("client: export page").get("/portal/tenants/export.xhtml").check(status().is(200), viewState(), nonce())
                        .check(complete()))
                .pause(THINK_MIN, THINK_MAX)
                .exec(http("client: export request").post("/portal/tenants/export.xhtml")
                        .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                        .formParam("jakarta.faces.partial.ajax", "true").formParam("jakarta.faces.source", "export:start")
                        .formParam("jakarta.faces.partial.execute", "export").formParam("jakarta.faces.partial.render", "export")
                        .formParam("export:start", "export:start").formParam("export", "export")
                        .formParam("jakarta.faces.ViewState", "#{viewState}").formParam("primefaces.nonce", "#{nonce}")
                        .check(status().is(200), substring("id=\"exports\"").exists()).check(completePartial()))
                .pause(THINK_MIN, THINK_MAX);
    }

    ChainBuilder clientVisit = exec(
            page("client: dashboard", "/portal/"),
            page("client: company", "/portal/tenants/company.xhtml"),
            page("client: journal", "/portal/security/journal.xhtml"),
            exec(http("client: certificates").get("/portal/certificates.xhtml").check(status().is(200),
                    regex("href=\"([^\"]*certificate\\.pdf[^\"]*)\"").transform(GestanSimulation::unescape).optional().saveAs("pdf"))
                    .check(complete()))
                    .pause(THINK_MIN, THINK_MAX),
            doIf(session -> session.contains("pdf")).then(
                    exec(http("client: certificate PDF").get("#{pdf}").check(status().is(200), substring("%%EOF").exists()))
                            .pause(THINK_MIN, THINK_MAX)));

    ChainBuilder staffVisit = exec(
            page("staff: dashboard", "/admin/"),
            exec(session -> session.set("page", "/admin/tenants/index.xhtml"))
                    .exec(http("staff: tenant list").get("/admin/tenants/index.xhtml").check(status().is(200), viewState(), nonce()).check(complete()))
                    .pause(THINK_MIN, THINK_MAX),
            tablePage("staff: tenant list, page 2", "tenants", "list", "25"),
            tablePage("staff: tenant list, page 40", "tenants", "list", "975"),
            tenantSearch("staff: tenant search by name", "#{searchName}", "#{searchName}"),
            tenantSearch("staff: tenant search by SIREN", "#{siren}", "#{siren}"),
            page("staff: tenant page", "/admin/tenants/edit.xhtml?id=#{tenantId}"),
            page("staff: compliance dashboard", "/admin/compliance/index.xhtml"),
            page("staff: hosting inventory", "/admin/hosting/index.xhtml"),
            page("staff: recovery plan", "/admin/hosting/recovery.xhtml"));

    /** Anonymous visitors; /verify is rate-limited per address (30 a minute): one look-up every 4 s or so stays below. */
    ChainBuilder visitorVisit = exec(
            page("public: /status", "/status"),
            page("public: /trust", "/trust.xhtml"));

    // The baseline in a scenario of its own: behind /status and /trust in the visitors' loop, it got 2 to 7 samples
    // a run when those pages took 20 s under load (docs/performance.md, 4.4), too few for a p95.
    ChainBuilder baselineVisit = exec(page(BASELINE, "/"));

    ChainBuilder apiVisit = exec(
            exec(http("api: GET /me").get("/api/v1/me").header("Authorization", "Bearer #{token}").header("Accept", "application/json")
                    .check(status().is(200), completeJson())).pause(THINK_MIN, THINK_MAX),
            exec(http("api: GET /me/certificates").get("/api/v1/me/certificates").header("Authorization", "Bearer #{token}")
                    .header("Accept", "application/json").check(status().is(200), completeJson())).pause(THINK_MIN, THINK_MAX),
            exec(http("api: GET /me/company").get("/api/v1/me/company").header("Authorization", "Bearer #{token}")
                    .header("Accept", "application/json").check(status().is(200), completeJson())).pause(THINK_MIN, THINK_MAX));

    Iterator<Map<String, Object>> clientFeeder() {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate((Supplier<Map<String, Object>>) () -> {
            PerfRealm.Client c = clients.get(next.getAndIncrement() % clients.size());
            Map<String, Object> m = new HashMap<>();
            m.put("username", c.username());
            m.put("siren", c.siren());
            return m;
        }).iterator();
    }

    Iterator<Map<String, Object>> staffFeeder() {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate((Supplier<Map<String, Object>>) () -> {
            int i = next.getAndIncrement();
            PerfRealm.Staff s = staff.get(i % staff.size());
            PerfRealm.Client c = clients.get(i % clients.size());
            Map<String, Object> m = new HashMap<>();
            m.put("username", s.username());
            m.put("otpKey", s.otpKey());
            m.put("tenantId", c.tenantId());
            m.put("siren", c.siren());
            m.put("searchName", c.legalName().split(" ")[0]); // a word of a tenant's name, as staff type it
            return m;
        }).iterator();
    }

    /**
     * Each client asks for its export once, at a visit drawn between the {@value #EXPORT_FIRST_VISIT}th and the
     * {@value #EXPORT_LAST_VISIT}th (a visit is five pages, about 7 s): spread over the run as people export, not all 40
     * inside the sign-in ramp, where they measured the ramp's contention (the sign-ins' password hashing, the 40
     * background builds at once) more than the request (docs/performance.md, 4.20 and 4.49).
     */
    ScenarioBuilder clientScenario = scenario("clients").feed(clientFeeder())
            .exec(signIn("/portal/"))
            .exec(session -> session.set("exportAt", ThreadLocalRandom.current().nextInt(EXPORT_FIRST_VISIT, EXPORT_LAST_VISIT + 1)))
            .during(DURATION, "visit").on(
                    exec(clientVisit),
                    doIf(session -> session.getInt("visit") == session.getInt("exportAt")).then(exportRequest()));

    ScenarioBuilder staffScenario = scenario("staff").feed(staffFeeder())
            .exec(signIn("/admin/")).during(DURATION).on(staffVisit);

    ScenarioBuilder visitorScenario = scenario("visitors").during(DURATION).on(visitorVisit);

    ScenarioBuilder baselineScenario = scenario("baseline").during(DURATION).on(baselineVisit);

    /**
     * Certificate verification by number, one request every 4 s from the harness's address (limit 30 a minute), by one
     * visitor on its kept connection, as the baseline's: a new virtual user for each request opened a new connection
     * each time, and its TCP connection and full TLS handshake, which cost as much as a view of the home page itself on
     * this machine (PageCost {@code fresh:/}, docs/performance.md 4.37), were counted in /verify's time alone.
     */
    ScenarioBuilder verifyScenario = scenario("verify").during(DURATION).on(
            exec(http("public: /verify?number=").get("/verify?number=GC-2026-000001").check(status().is(200)).check(complete()))
                    .pause(Duration.ofSeconds(4)));

    ScenarioBuilder apiScenario = scenario("api").feed(clientFeeder())
            .during(DURATION).on(
                    exec(session -> session.set("token", realm.passwordGrant(session.getString("username"), null))),
                    // an access token lives 5 minutes: a fresh one every 4 minutes of visits
                    during(Duration.ofSeconds(240)).on(apiVisit));

    {
        int ramp = (int) Math.min(30, Math.max(1, DURATION.toSeconds() / 4));
        setUp(
                clientScenario.injectOpen(rampUsers(CLIENTS).during(ramp)),
                staffScenario.injectOpen(rampUsers(STAFF).during(ramp)),
                visitorScenario.injectOpen(rampUsers(VISITORS).during(ramp)),
                baselineScenario.injectOpen(rampUsers(VISITORS).during(ramp)),
                apiScenario.injectOpen(rampUsers(VISITORS).during(ramp)),
                verifyScenario.injectOpen(atOnceUsers(1)))
                .protocols(protocol);
    }
}
