package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.CaughtMail;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The agent API through its REST door, against the whole EAR in demo mode: GC-PROD-01's agent (demo token) and the
 * monitoring contractor Netsyst (demo sub-processor token) report; each kind's verdict, replays answered
 * "duplicate", a server sign-in journaled for the server's tenants with the server as actor (seen in the client's
 * portal journal), and every bad input refused with a problem body that names the event and the field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentApiIT extends BrowserJourney {

    private static final String SERVER_TOKEN = "demo-monitoring-token-GC-PROD-01";
    private static final String CONTRACTOR_TOKEN = "demo-reporter-token-netsyst";
    private static final String URL = Http.HTTPS + "api/v1/public/agent/events";

    private static String at(long minutesAgo) {
        return Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> post(String token, String body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of(headers));
        if (token != null) {
            all.add("X-Server-Token");
            all.add(token);
        }
        return Http.post(URL, "application/json", body, all.toArray(String[]::new));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response::toString);
        assertTrue(response.body().contains("\"type\":\"urn:gestan:problem:agent:" + code + "\""), response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
    }

    @Test
    void every_kind_gets_its_verdict_and_a_replay_is_stored_once() throws Exception {
        String u = uid();
        // the contractor reports the hypervisor snapshot (a server cannot) before the update: the update is in order.
        // (An update without snapshot fails GC-PROD-01's control and so rule R6 for its tenants, whose certificates
        // other suites issue: MachineEvidenceIT checks that case on a server of its own.)
        HttpResponse<String> snapshot = post(CONTRACTOR_TOKEN, "{\"events\":[{\"id\":\"s-" + u + "\",\"kind\":\"snapshot\",\"server\":\"GC-PROD-01\","
                + "\"occurredAt\":\"" + at(15) + "\",\"snapshotId\":\"vm-snap-" + u + "\"}]}");
        assertEquals(202, snapshot.statusCode(), snapshot::body);
        assertTrue(snapshot.body().contains("\"reporter\":\"subprocessor:Netsyst\"") && snapshot.body().contains("\"verdict\":\"OK\""), snapshot.body());
        String batch = "{\"events\":["
                + "{\"id\":\"m-" + u + "\",\"kind\":\"metrics\",\"occurredAt\":\"" + at(1) + "\",\"cpuPercent\":12.5,\"diskPercent\":40,\"memoryPercent\":55},"
                + "{\"id\":\"b-" + u + "\",\"kind\":\"backup\",\"occurredAt\":\"" + at(30) + "\",\"startedAt\":\"" + at(40) + "\",\"tool\":\"restic\","
                + "\"bytes\":52428800,\"archiveId\":\"4f5e6d\",\"verified\":true,\"targetDataCentre\":\"DC5\"},"
                + "{\"id\":\"bs-" + u + "\",\"kind\":\"backup\",\"occurredAt\":\"" + at(20) + "\",\"tool\":\"restic\","
                + "\"bytes\":1024,\"archiveId\":\"7a8b9c\",\"verified\":true,\"targetDataCentre\":\"DC3\"},"
                + "{\"id\":\"u-" + u + "\",\"kind\":\"software_update\",\"occurredAt\":\"" + at(10) + "\",\"packages\":\"openssl 3.0.15-1~deb12u1\"}"
                + "]}";
        HttpResponse<String> first = post(SERVER_TOKEN, batch);
        assertEquals(202, first.statusCode(), first::body);
        String body = first.body();
        assertTrue(body.contains("\"reporter\":\"server:GC-PROD-01\"") && body.contains("\"accepted\":4") && body.contains("\"duplicates\":0"), body);
        assertTrue(body.contains("\"id\":\"m-" + u + "\",\"kind\":\"metrics\",\"status\":\"accepted\",\"verdict\":\"OK\""), body);
        assertTrue(body.contains("\"id\":\"b-" + u + "\",\"kind\":\"backup\",\"status\":\"accepted\",\"verdict\":\"OK\""), body);
        assertTrue(body.contains("\"verdict\":\"FAILING\",\"reason\":\"backup-same-site\""), "a backup in the production site fails: " + body);
        assertTrue(body.contains("\"id\":\"u-" + u + "\",\"kind\":\"software_update\",\"status\":\"accepted\",\"verdict\":\"OK\""),
                "the contractor's snapshot came just before the update: " + body);

        // the agent retries blindly: the same ids are answered "duplicate" and nothing is stored twice
        HttpResponse<String> replay = post(SERVER_TOKEN, batch);
        assertEquals(202, replay.statusCode(), replay::body);
        assertTrue(replay.body().contains("\"accepted\":0") && replay.body().contains("\"duplicates\":4"), replay.body());
        assertTrue(replay.body().contains("\"status\":\"duplicate\""), replay.body());

        HttpResponse<String> update = post(SERVER_TOKEN, "{\"events\":[{\"id\":\"u2-" + u + "\",\"kind\":\"software_update\",\"occurredAt\":\""
                + at(2) + "\",\"packages\":\"openssh-server 1:9.2p1-2+deb12u4\"}]}");
        assertTrue(update.body().contains("\"verdict\":\"OK\""), update.body());

        // metrics through the new door move the server's state with the policy's thresholds, like the old URL
        HttpResponse<String> hot = post(SERVER_TOKEN, "{\"events\":[{\"id\":\"m2-" + u + "\",\"kind\":\"metrics\",\"occurredAt\":\"" + at(0)
                + "\",\"cpuPercent\":99,\"diskPercent\":40,\"memoryPercent\":55}]}");
        assertTrue(hot.body().contains("\"verdict\":\"ATTENTION\",\"reason\":\"threshold-exceeded:cpu\""), hot.body());
        post(SERVER_TOKEN, "{\"events\":[{\"id\":\"m3-" + u + "\",\"kind\":\"metrics\",\"occurredAt\":\"" + at(0)
                + "\",\"cpuPercent\":10,\"diskPercent\":40,\"memoryPercent\":55}]}");
    }

    @Test
    void a_server_sign_in_is_journaled_for_the_servers_tenants_with_the_server_as_actor() throws Exception {
        String account = "ops" + uid();
        HttpResponse<String> access = post(SERVER_TOKEN, "{\"events\":[{\"id\":\"a-" + account + "\",\"kind\":\"server_access\",\"occurredAt\":\""
                + at(3) + "\",\"endedAt\":\"" + at(1) + "\",\"account\":\"" + account + "\",\"address\":\"203.0.113.7\",\"method\":\"ssh\"}]}");
        assertEquals(202, access.statusCode(), access::body);
        // client.demo's company is hosted on GC-PROD-01: the sign-in is in its own journal
        signInAt("portal/security/journal.xhtml", "client.demo", "Gestan-Client-2026!");
        String entries = browser.find(By.id("entries")).getText();
        assertTrue(entries.contains("server:GC-PROD-01") && entries.contains("Accès à un serveur") && entries.contains(account)
                && entries.contains("203.0.113.7"), entries);
        browser.screenshot("agent-01-server-access-in-portal-journal");
        signOut();

        // the account matches no staff member's server identity: the event fails and the back office shows an alert
        assertTrue(access.body().contains("\"verdict\":\"FAILING\",\"reason\":\"unknown-identity\""), access.body());
        signInAt("admin/", "auditor.demo", "Gestan-Audit-2026!");
        String alerts = browser.find(By.id("server-access-alerts")).getText();
        assertTrue(alerts.contains("GC-PROD-01") && alerts.contains(account + "@203.0.113.7") && alerts.contains("identité inconnue"), alerts);
        browser.open(Http.HTTPS + "admin/security/server-access.xhtml");
        assertTrue(browser.find(By.id("alerts:open")).getText().contains(account), browser.find(By.id("alerts:open")).getText());
        browser.screenshot("agent-02-server-access-alert");
        signOut();

        // and by mail to the on-call address, through the notification outbox (the sender's timer delivers it)
        CaughtMail mail = null;
        for (int i = 0; i < 120 && mail == null; i++) {
            mail = CaughtMail.to("oncall@gestan.localhost").stream().filter(m -> m.subject().contains(account + "@203.0.113.7"))
                    .findFirst().orElse(null);
            if (mail == null) {
                Thread.sleep(2_000);
            }
        }
        assertTrue(mail != null, "no alert mail to the on-call address");
        assertTrue(mail.subject().contains("GC-PROD-01") && mail.subject().contains("identité inconnue"), mail.subject());
        assertTrue(mail.text().contains("compte " + account + ", depuis 203.0.113.7"), mail.text());
    }

    /** The TLS versions a handshake with the HTTPS port succeeds with, as the texts print them ("TLS 1.2, TLS 1.3"). */
    private static String negotiated() throws Exception {
        javax.net.ssl.SSLContext ssl = Http.trustingAnyCertificate();
        java.net.URI https = java.net.URI.create(Http.HTTPS);
        List<String> accepted = new ArrayList<>();
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) ssl.getSocketFactory().createSocket(https.getHost(), https.getPort())) {
                socket.setEnabledProtocols(new String[]{protocol});
                socket.startHandshake();
                accepted.add(protocol.replace("TLSv", "TLS "));
            } catch (java.io.IOException refused) {
                // not accepted by the listener
            }
        }
        return String.join(", ", accepted);
    }

    @Test
    void the_trust_page_and_the_processor_agreement_print_the_tls_versions_the_running_listener_accepts() throws Exception {
        String versions = negotiated();
        assertTrue(versions.contains("TLS 1.2"), versions);
        String trust = Http.get(Http.HTTPS + "trust").body();
        assertTrue(trust.contains("HTTPS (" + versions + ")"), "the versions read on the running listener: " + versions);
        // the agreement's encryption line comes from the same running configuration, not from fixed text
        signInAt("portal/documents.xhtml", "client.demo", "Gestan-Client-2026!");
        String link = browser.find(By.cssSelector("a.agreement-pdf")).getAttribute("href");
        String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> pdf = Http.getBytes(link, "Cookie", cookie);
        assertEquals(200, pdf.statusCode());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gestan-agreement-", ".pdf");
        String text;
        try {
            java.nio.file.Files.write(file, pdf.body());
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, text);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertTrue(text.contains("Chiffrement HTTPS (" + versions + ") de tous les échanges, relevé sur le serveur en fonctionnement."), text);
        assertTrue(text.contains("HTTPS (" + versions + ") encryption of every exchange, read on the running server."), text);
        assertFalse(text.contains("Chiffrement HTTPS/TLS de tous les échanges."), "no longer fixed text");
        signOut();
    }

    @Test
    void bad_input_is_refused_with_a_problem_naming_the_event_and_field_and_nothing_of_the_batch_is_stored() throws Exception {
        String u = uid();
        String good = "{\"id\":\"g-" + u + "\",\"kind\":\"metrics\",\"occurredAt\":\"" + at(1)
                + "\",\"cpuPercent\":10,\"diskPercent\":40,\"memoryPercent\":55}";
        assertProblem(post("wrong-token-" + u, "{\"events\":[" + good + "]}"), 401, "invalid-token");
        assertProblem(post(null, "{\"events\":[" + good + "]}"), 401, "invalid-token");

        HttpResponse<String> missing = post(SERVER_TOKEN, "{\"events\":[" + good + ",{\"id\":\"x-" + u + "\",\"kind\":\"backup\",\"occurredAt\":\""
                + at(1) + "\",\"tool\":\"restic\"}]}");
        assertProblem(missing, 400, "missing-field");
        assertTrue(missing.body().contains("\"event\":1") && missing.body().contains("\"field\":\"bytes\""), missing.body());
        assertTrue(missing.body().contains("Événement 1"), "French by default: " + missing.body());

        HttpResponse<String> kind = post(SERVER_TOKEN, "{\"events\":[" + good + ",{\"id\":\"k-" + u + "\",\"kind\":\"coffee\",\"occurredAt\":\""
                + at(1) + "\"}]}", "Accept-Language", "en");
        assertProblem(kind, 400, "unknown-kind");
        assertTrue(kind.body().contains("\"field\":\"kind\"") && kind.body().contains("Event 1: unknown kind"), kind.body());

        String future = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> ahead = post(SERVER_TOKEN, "{\"events\":[{\"id\":\"f-" + u + "\",\"kind\":\"software_update\",\"occurredAt\":\""
                + future + "\",\"packages\":\"tzdata\"}," + good + "]}");
        assertProblem(ahead, 400, "future-time");
        assertTrue(ahead.body().contains("\"event\":0") && ahead.body().contains("\"field\":\"occurredAt\""), ahead.body());

        // a server may not report its own hypervisor snapshots
        HttpResponse<String> notAllowed = post(SERVER_TOKEN, "{\"events\":[{\"id\":\"s-" + u + "\",\"kind\":\"snapshot\",\"occurredAt\":\""
                + at(1) + "\",\"snapshotId\":\"x\"}]}");
        assertProblem(notAllowed, 403, "kind-not-allowed");
        assertProblem(post(SERVER_TOKEN, "not json"), 400, "malformed-json");

        // nothing of the refused batches was stored: the good event is new now
        HttpResponse<String> now = post(SERVER_TOKEN, "{\"events\":[" + good + "]}");
        assertEquals(202, now.statusCode(), now::body);
        assertTrue(now.body().contains("\"accepted\":1") && now.body().contains("\"status\":\"accepted\""), now.body());

        // over 1 MB, over 1,000 events
        assertProblem(post(SERVER_TOKEN, "{\"events\":[],\"padding\":\"" + "x".repeat(1_100_000) + "\"}"), 413, "too-large");
        StringBuilder many = new StringBuilder("{\"events\":[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"n").append(i).append("\",\"kind\":\"snapshot\"}");
        }
        assertProblem(post(SERVER_TOKEN, many.append("]}").toString()), 413, "too-many-events");
    }

    @Test
    void a_reporter_posting_too_many_batches_a_minute_gets_429() throws Exception {
        // a token of its own: the limit is per token, so the demo tokens used by the other tests are not slowed
        String token = "flood-" + uid();
        int status = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 40 && status != 429; i++) {
            last = post(token, "{\"events\":[]}");
            status = last.statusCode();
        }
        assertProblem(last, 429, "too-many-batches");
        assertTrue(last.headers().firstValue("Retry-After").isPresent(), last::toString);
    }

    @Test
    void firewall_drift_and_a_late_ddos_mitigation_count_among_the_failing_controls() throws Exception {
        String approved = "a58567d378fd5f5d40a7cb594ca5aec9c83604a5657e84ef3daa7c1252868dda";
        String other = "0".repeat(63) + "1";
        String[] server = Http.get(Http.HTTPS + "it/agent-fixture?approve=" + approved).body().split(" ");
        String name = server[0];
        String token = server[1];
        String u = uid();
        HttpResponse<String> drift = post(token, "{\"events\":[{\"id\":\"fw-" + u + "\",\"kind\":\"firewall_applied\",\"occurredAt\":\""
                + at(30) + "\",\"ruleSetSha256\":\"" + other + "\"}]}");
        assertTrue(drift.body().contains("\"verdict\":\"FAILING\",\"reason\":\"firewall-drift\""), drift.body());
        // 96 h from attack to mitigation: later than any policy allows (72 h at most)
        HttpResponse<String> ddos = post(CONTRACTOR_TOKEN, "{\"events\":[{\"id\":\"dd-" + u + "\",\"kind\":\"ddos\",\"server\":\"" + name
                + "\",\"occurredAt\":\"" + at(5 * 24 * 60) + "\",\"mitigatedAt\":\"" + at(24 * 60) + "\",\"vector\":\"SYN flood\"}]}");
        assertTrue(ddos.body().contains("\"verdict\":\"FAILING\",\"reason\":\"ddos-slow-mitigation\""), ddos.body());

        String failing = Http.get(Http.HTTPS + "it/agent-fixture?failing=" + name).body();
        assertTrue(failing.contains("FIREWALL firewall.drift"), failing);
        assertTrue(failing.contains("DDOS ddos.slowMitigation"), failing);

        // the agent reports the approved rule set applied again: the drift leaves the failing controls, the attack stays
        post(token, "{\"events\":[{\"id\":\"fw2-" + u + "\",\"kind\":\"firewall_applied\",\"occurredAt\":\"" + at(1)
                + "\",\"ruleSetSha256\":\"" + approved + "\"}]}");
        String after = Http.get(Http.HTTPS + "it/agent-fixture?failing=" + name).body();
        assertFalse(after.contains("FIREWALL"), after);
        assertTrue(after.contains("DDOS ddos.slowMitigation"), after);
    }

    @Test
    void a_server_silent_longer_than_the_policy_allows_shows_no_data_on_the_status_page() throws Exception {
        // a server whose agent has its token but never reported: silent since longer than the policy allows
        String[] server = Http.get(Http.HTTPS + "it/agent-fixture?approve=" + "0".repeat(64)).body().split(" ");
        String name = server[0];
        browser.open(Http.HTTPS + "status");
        WebElement component = browser.find(By.id("component-" + name));
        assertEquals("Pas de données", component.findElement(By.cssSelector(".component-state")).getText());
        List<WebElement> days = component.findElements(By.cssSelector(".uptime-bar .day"));
        assertTrue(days.get(days.size() - 1).getAttribute("class").contains("impact-NO_DATA"), "today shows as unknown, not as up");
        browser.screenshot("agent-03-status-silent-server");

        // its agent reports through the door: it is no longer silent (silence counts from what the server last sent)
        HttpResponse<String> report = post(server[1], "{\"events\":[{\"id\":\"m-" + uid() + "\",\"kind\":\"metrics\",\"occurredAt\":\""
                + at(0) + "\",\"cpuPercent\":10,\"diskPercent\":20,\"memoryPercent\":30}]}");
        assertEquals(202, report.statusCode(), report::body);
        browser.open(Http.HTTPS + "status");
        assertEquals("Opérationnel", browser.find(By.id("component-" + name)).findElement(By.cssSelector(".component-state")).getText());
    }
}
