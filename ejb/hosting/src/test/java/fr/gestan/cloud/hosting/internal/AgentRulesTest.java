package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static AgentEvent event(String id, String kind, String... fields) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return new AgentEvent(id, kind, map);
    }

    private static AgentEventRejectedException refused(AgentEvent event) {
        return assertThrows(AgentEventRejectedException.class, () -> AgentRules.check(3, event, AgentRules.SERVER_KINDS, false, NOW));
    }

    @Test
    void every_kind_is_converted_with_its_fields() {
        AgentRules.Checked backup = AgentRules.check(0, event("b-1", "backup", "occurredAt", "2026-12-03T09:00:00Z",
                "startedAt", "2026-12-03T08:50:00Z", "tool", "restic", "bytes", "1234", "archiveId", "a1b2",
                "verified", "true", "targetDataCentre", "DC5"), AgentRules.SERVER_KINDS, false, NOW);
        assertEquals(AgentRules.Kind.BACKUP, backup.kind());
        assertEquals(1234L, backup.value("bytes"));
        assertEquals(Boolean.TRUE, backup.value("verified"));
        assertEquals(Instant.parse("2026-12-03T09:00:00Z"), backup.at());
        AgentRules.Checked metrics = AgentRules.check(0, event("m-1", "metrics", "occurredAt", "2026-12-03T09:59:00Z",
                "cpuPercent", "12.5", "diskPercent", "40", "memoryPercent", "55"), AgentRules.SERVER_KINDS, false, NOW);
        assertEquals(new BigDecimal("12.5"), metrics.value("cpuPercent"));
        AgentRules.Checked access = AgentRules.check(0, event("s-1", "server_access", "occurredAt", "2026-12-03T09:00:00Z",
                "account", "alice", "address", "203.0.113.7", "method", "ssh"), AgentRules.SERVER_KINDS, false, NOW);
        assertNull(access.value("endedAt"));
        assertEquals("account=alice; address=203.0.113.7; method=ssh", access.details());
    }

    @Test
    void firewall_rule_sets_and_ddos_attacks_are_checked_and_named_in_refusals() {
        String sha = "a58567d378fd5f5d40a7cb594ca5aec9c83604a5657e84ef3daa7c1252868dda";
        AgentRules.Checked fw = AgentRules.check(0, event("f-1", "firewall_applied", "occurredAt", "2026-12-03T09:00:00Z",
                "ruleSetSha256", sha), AgentRules.SERVER_KINDS, false, NOW);
        assertEquals(sha, fw.value("ruleSetSha256"));
        AgentEventRejectedException upper = refused(event("f-2", "firewall_applied", "occurredAt", "2026-12-03T09:00:00Z",
                "ruleSetSha256", sha.toUpperCase()));
        assertEquals("malformed-digest", upper.code());
        assertEquals("ruleSetSha256", upper.field());
        assertEquals("missing-field", refused(event("f-3", "firewall_applied", "occurredAt", "2026-12-03T09:00:00Z")).code());

        // attacks are seen upstream: a server's agent may not report them, the contractor may (naming the server)
        java.util.Set<AgentRules.Kind> contractor = java.util.EnumSet.of(AgentRules.Kind.DDOS);
        AgentEventRejectedException notServer = refused(event("d-0", "ddos", "occurredAt", "2026-12-03T08:00:00Z"));
        assertEquals(403, notServer.status());
        AgentRules.Checked ddos = AgentRules.check(0, event("d-1", "ddos", "server", "GC-PROD-01", "occurredAt", "2026-12-03T08:00:00Z",
                "mitigatedAt", "2026-12-03T09:15:00Z", "vector", "UDP flood"), contractor, true, NOW);
        assertEquals(Instant.parse("2026-12-03T09:15:00Z"), ddos.value("mitigatedAt"));
        assertNull(AgentRules.check(0, event("d-2", "ddos", "server", "GC-PROD-01", "occurredAt", "2026-12-03T08:00:00Z"),
                contractor, true, NOW).value("mitigatedAt"), "an attack going on is not mitigated yet");
        AgentEventRejectedException before = assertThrows(AgentEventRejectedException.class, () -> AgentRules.check(4,
                event("d-3", "ddos", "server", "GC-PROD-01", "occurredAt", "2026-12-03T08:00:00Z", "mitigatedAt", "2026-12-03T07:00:00Z"),
                contractor, true, NOW));
        assertEquals("end-before-start", before.code());
        assertEquals("mitigatedAt", before.field());
        assertEquals(4, before.index());
        assertEquals("future-time", assertThrows(AgentEventRejectedException.class, () -> AgentRules.check(0,
                event("d-4", "ddos", "server", "GC-PROD-01", "occurredAt", "2026-12-03T08:00:00Z", "mitigatedAt", "2026-12-03T13:00:00Z"),
                contractor, true, NOW)).code());
    }

    @Test
    void refusals_name_the_event_and_the_field() {
        AgentEventRejectedException missing = refused(event("b-1", "backup", "occurredAt", "2026-12-03T09:00:00Z", "tool", "restic"));
        assertEquals(400, missing.status());
        assertEquals("missing-field", missing.code());
        assertEquals(3, missing.index());
        assertEquals("bytes", missing.field());
        assertEquals("unknown-kind", refused(event("x", "coffee", "occurredAt", "2026-12-03T09:00:00Z")).code());
        assertEquals("kind", refused(event("x", "coffee")).field());
        AgentEventRejectedException future = refused(event("x", "software_update", "occurredAt", "2026-12-03T11:00:00Z", "packages", "openssl"));
        assertEquals("future-time", future.code());
        assertEquals("occurredAt", future.field());
        assertEquals("stale-time", refused(event("x", "metrics", "occurredAt", "2026-12-02T09:00:00Z", "cpuPercent", "1",
                "diskPercent", "1", "memoryPercent", "1")).code(), "metrics older than a day");
        assertEquals("out-of-range", refused(event("x", "metrics", "occurredAt", "2026-12-03T09:59:00Z", "cpuPercent", "101",
                "diskPercent", "1", "memoryPercent", "1")).code());
        assertEquals("malformed-id", refused(event("bad id with spaces", "snapshot")).code());
        assertEquals("id", refused(event(null, "snapshot")).field());
        assertEquals("unknown-method", refused(event("x", "server_access", "occurredAt", "2026-12-03T09:00:00Z",
                "account", "a", "address", "b", "method", "telnet")).code());
        assertEquals("not-a-boolean", refused(event("x", "backup", "occurredAt", "2026-12-03T09:00:00Z", "tool", "restic",
                "bytes", "1", "archiveId", "a", "verified", "yes", "targetDataCentre", "DC5")).code());
    }

    @Test
    void each_reporter_reports_only_its_kinds_and_a_sub_processor_names_the_server() {
        AgentEventRejectedException snapshotByServer = refused(event("x", "snapshot", "occurredAt", "2026-12-03T09:00:00Z", "snapshotId", "s"));
        assertEquals(403, snapshotByServer.status());
        assertEquals("kind-not-allowed", snapshotByServer.code());
        AgentEventRejectedException noServer = assertThrows(AgentEventRejectedException.class, () -> AgentRules.check(0,
                event("x", "snapshot", "occurredAt", "2026-12-03T09:00:00Z", "snapshotId", "s"), EnumSet.of(AgentRules.Kind.SNAPSHOT), true, NOW));
        assertEquals("server", noServer.field());
        assertEquals("GC-PROD-01", AgentRules.check(0, event("x", "snapshot", "occurredAt", "2026-12-03T09:00:00Z", "snapshotId", "s",
                "server", "GC-PROD-01"), EnumSet.of(AgentRules.Kind.SNAPSHOT), true, NOW).server());
    }
}
