package fr.gestan.cloud.hosting.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference agent ({@code agent/Agent.java}) run as a single-file program, as a server would run it, on the
 * fixtures in {@code agent/fixtures/} (real restic and apt outputs), against a stand-in for the API that fails once:
 * it retries with the very same batch (same event ids), keeps its position once delivered, and sends only what is new.
 */
class ReferenceAgentTest {

    private static final Path AGENT = Path.of("../../agent/Agent.java");
    private static final Path FIXTURES = Path.of("../../agent/fixtures");

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void api() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/public/agent/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokens.add(exchange.getRequestHeaders().getFirst("X-Server-Token"));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 202;
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "demo-monitoring-token-GC-PROD-01\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), AGENT.toString(),
                "--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/public/agent/events",
                "--token-file", token.toString(), "--state", dir.resolve("state.properties").toString(),
                "--restic", dir.resolve("restic.jsonl").toString(), "--target-dc", "DC5",
                "--sshd", dir.resolve("sshd.jsonl").toString(), "--apt", dir.resolve("history.log").toString(),
                "--zone", "Europe/Paris", "--max-age-days", "100000", "--retry-millis", "50"));
        if (Files.exists(dir.resolve("nft.txt"))) {
            command.addAll(List.of("--nft", dir.resolve("nft.txt").toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
        return process.exitValue();
    }

    @Test
    void reports_the_fixtures_retries_with_the_same_ids_and_then_only_what_is_new() throws Exception {
        Files.copy(FIXTURES.resolve("restic-backup.jsonl"), dir.resolve("restic.jsonl"));
        Files.setLastModifiedTime(dir.resolve("restic.jsonl"), FileTime.from(Instant.parse("2026-12-03T02:30:00Z")));
        Files.copy(FIXTURES.resolve("sshd-journal.jsonl"), dir.resolve("sshd.jsonl"));
        Files.copy(FIXTURES.resolve("apt-history.log"), dir.resolve("history.log"));
        failuresLeft.set(1);

        assertEquals(0, run());
        assertEquals(2, bodies.size(), "one failure, then the retry");
        assertEquals(bodies.get(0), bodies.get(1), "the retry sends the same events with the same ids");
        assertEquals("demo-monitoring-token-GC-PROD-01", tokens.get(0));
        String batch = bodies.get(1);
        // restic's summary: one backup, named by its snapshot id
        assertTrue(batch.contains("{\"id\":\"restic-ca044b05\",\"kind\":\"backup\",\"occurredAt\":\"2026-12-03T02:30:00Z\""), batch);
        assertTrue(batch.contains("\"archiveId\":\"ca044b05\"") && batch.contains("\"targetDataCentre\":\"DC5\"")
                && batch.contains("\"bytes\":\"20029\"") && batch.contains("\"verified\":\"false\""), batch);
        // two sign-ins accepted by sshd (the PAM session line is not one)
        assertEquals(2, batch.split("\"kind\":\"server_access\"", -1).length - 1, batch);
        assertTrue(batch.contains("\"account\":\"alice\"") && batch.contains("\"address\":\"203.0.113.7\"")
                && batch.contains("\"occurredAt\":\"2025-12-03T10:00:00Z\""), batch);
        assertTrue(batch.contains("\"account\":\"root\"") && batch.contains("\"address\":\"198.51.100.23\""), batch);
        // the key sshd names identifies alice whatever account she used; a password sign-in has none
        assertTrue(batch.contains("\"keyFingerprint\":\"SHA256:Xq3mV0dO2b0k4yY6m3yB8eT9r5eZpQe3wq1cV8w6H9s\""), batch);
        assertEquals(1, batch.split("keyFingerprint", -1).length - 1, batch);
        // apt: one upgrade, at its Paris start time
        assertTrue(batch.contains("{\"id\":\"apt-20250624143625\",\"kind\":\"software_update\",\"occurredAt\":\"2025-06-24T12:36:25Z\""), batch);
        assertTrue(batch.contains("libsystemd0:amd64 (252.36-1~deb12u1, 252.38-1~deb12u1)"), batch);

        // nothing new: nothing sent
        assertEquals(0, run());
        assertEquals(2, bodies.size());

        // one new sign-in: only it is sent
        Files.writeString(dir.resolve("sshd.jsonl"), "{\"__CURSOR\":\"s=new;i=1a2e\",\"__REALTIME_TIMESTAMP\":\"1764763200000000\","
                + "\"SYSLOG_IDENTIFIER\":\"sshd\",\"MESSAGE\":\"Accepted publickey for bob from 192.0.2.10 port 50000 ssh2\"}\n", StandardOpenOption.APPEND);
        assertEquals(0, run());
        assertEquals(3, bodies.size());
        assertTrue(bodies.get(2).contains("\"account\":\"bob\"") && !bodies.get(2).contains("alice"), bodies.get(2));
    }

    @Test
    void reports_the_applied_firewall_rule_set_by_its_sha256_once_and_again_when_it_changes() throws Exception {
        Files.copy(FIXTURES.resolve("restic-backup.jsonl"), dir.resolve("restic.jsonl"));
        Files.copy(FIXTURES.resolve("sshd-journal.jsonl"), dir.resolve("sshd.jsonl"));
        Files.copy(FIXTURES.resolve("apt-history.log"), dir.resolve("history.log"));
        Files.copy(FIXTURES.resolve("nft-ruleset.txt"), dir.resolve("nft.txt"));
        Instant listed = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        Files.setLastModifiedTime(dir.resolve("nft.txt"), FileTime.from(listed));
        assertEquals(0, run());
        // real `nft list ruleset` output (nftables 1.0.6, see SOURCES.md): `sha256sum agent/fixtures/nft-ruleset.txt`
        String digest = "a58567d378fd5f5d40a7cb594ca5aec9c83604a5657e84ef3daa7c1252868dda";
        assertTrue(bodies.get(0).contains("{\"id\":\"nft-" + digest.substring(0, 16) + "-" + listed.getEpochSecond()
                + "\",\"kind\":\"firewall_applied\",\"occurredAt\":\"" + listed + "\",\"ruleSetSha256\":\"" + digest + "\"}"), bodies.get(0));

        // the same rule set listed again: nothing to report
        Files.setLastModifiedTime(dir.resolve("nft.txt"), FileTime.from(listed.plusSeconds(300)));
        assertEquals(0, run());
        assertEquals(1, bodies.size());

        // a rule added: the new set is reported
        Files.writeString(dir.resolve("nft.txt"), Files.readString(dir.resolve("nft.txt")).replace("tcp dport { 80, 443 } accept",
                "tcp dport { 80, 443 } accept\n\t\ttcp dport 3389 accept"));
        assertEquals(0, run());
        assertEquals(2, bodies.size());
        assertTrue(bodies.get(1).contains("\"kind\":\"firewall_applied\"") && !bodies.get(1).contains(digest), bodies.get(1));
    }

    @Test
    void an_api_that_stays_down_leaves_the_position_unsaved() throws Exception {
        Files.copy(FIXTURES.resolve("sshd-journal.jsonl"), dir.resolve("sshd.jsonl"));
        Files.copy(FIXTURES.resolve("restic-backup.jsonl"), dir.resolve("restic.jsonl"));
        Files.copy(FIXTURES.resolve("apt-history.log"), dir.resolve("history.log"));
        failuresLeft.set(100);
        assertEquals(1, run());
        int tries = bodies.size();
        assertEquals(6, tries, "the first try and 5 retries");
        failuresLeft.set(0);
        assertEquals(0, run());
        assertEquals(bodies.get(0), bodies.get(tries), "everything is sent again, with the same ids");
    }
}
