package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import fr.gestan.cloud.security.api.ServerControls.Source;
import fr.gestan.cloud.security.api.ServerControls.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlRulesTest {

    static final PolicySettings POLICY = new PolicySettings(5, 60, 900, 43200, false, 12, 4, 30, true, 24, 30, true, 85, 80);
    static final Instant NOW = Instant.parse("2026-11-28T17:00:00Z");

    @Test
    void a_backup_is_ok_within_one_interval_attention_within_two_failing_beyond_or_unverified() {
        assertEquals(Status.OK, ControlRules.backup("s", NOW.minus(Duration.ofHours(23)), null, POLICY, NOW).status());
        assertEquals(Status.ATTENTION, ControlRules.backup("s", NOW.minus(Duration.ofHours(30)), null, POLICY, NOW).status());
        assertEquals(Status.FAILING, ControlRules.backup("s", NOW.minus(Duration.ofHours(49)), null, POLICY, NOW).status());
        assertEquals("backup.unverified", ControlRules.backup("s", null, NOW, POLICY, NOW).reason());
        assertEquals("backup.none", ControlRules.backup("s", null, null, POLICY, NOW).reason());
    }

    @Test
    void an_update_without_snapshot_fails_when_the_policy_requires_one() {
        assertEquals(Status.FAILING, ControlRules.updates("s", 1, NOW, POLICY, NOW).status());
        assertEquals(Status.OK, ControlRules.updates("s", 0, NOW.minus(Duration.ofDays(3)), POLICY, NOW).status());
        assertEquals(Status.ATTENTION, ControlRules.updates("s", 0, NOW.minus(Duration.ofDays(91)), POLICY, NOW).status());
        assertEquals(Status.NO_EVIDENCE, ControlRules.updates("s", 0, null, POLICY, NOW).status(), "no update ever: unknown, not passing");
    }

    @Test
    void the_firewall_rests_on_the_rule_set_the_server_reported_against_the_approved_one() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        ControlRules.Applied applied = new ControlRules.Applied(a, NOW.minus(Duration.ofHours(2)));
        assertEquals(Status.OK, ControlRules.firewall("s", applied, a, false).status());
        assertEquals(Source.REPORTED, ControlRules.firewall("s", applied, a, false).source());
        ControlView drift = ControlRules.firewall("s", applied, b, false);
        assertEquals(Status.FAILING, drift.status());
        assertEquals("firewall.drift", drift.reason());
        assertEquals("firewall.unapproved", ControlRules.firewall("s", applied, null, false).reason());
        ControlView declared = ControlRules.firewall("s", null, a, true);
        assertEquals(Status.NO_EVIDENCE, declared.status(), "changes typed by staff prove no rule set");
        assertEquals("firewall.declaredOnly", declared.reason());
        assertEquals("firewall.none", ControlRules.firewall("s", null, null, false).reason());
    }

    @Test
    void a_ddos_attack_mitigated_later_than_the_policy_allows_fails_and_silence_is_no_evidence() {
        Instant start = NOW.minus(Duration.ofDays(3));
        // version 1: 4 h
        assertEquals(Status.OK, ControlRules.ddos("s", List.of(new ControlRules.Attack(start, start.plus(Duration.ofHours(4)))),
                false, POLICY, NOW).status());
        ControlView slow = ControlRules.ddos("s", List.of(new ControlRules.Attack(start, start.plus(Duration.ofHours(5)))), false, POLICY, NOW);
        assertEquals(Status.FAILING, slow.status());
        assertEquals("ddos.slowMitigation", slow.reason());
        // the same attack under a policy that allows 6 h passes: the policy's value is the one enforced
        assertEquals(Status.OK, ControlRules.ddos("s", List.of(new ControlRules.Attack(start, start.plus(Duration.ofHours(5)))),
                false, POLICY.withDdosMitigation(6), NOW).status());
        assertEquals("ddos.unmitigated", ControlRules.ddos("s", List.of(new ControlRules.Attack(NOW.minus(Duration.ofHours(5)), null)),
                false, POLICY, NOW).reason());
        assertEquals(Status.ATTENTION, ControlRules.ddos("s", List.of(new ControlRules.Attack(NOW.minus(Duration.ofHours(1)), null)),
                false, POLICY, NOW).status(), "an attack being mitigated, still within the time allowed");
        assertEquals(Status.NO_EVIDENCE, ControlRules.ddos("s", List.of(), false, POLICY, NOW).status());
        assertEquals("ddos.declaredOnly", ControlRules.ddos("s", List.of(), true, POLICY, NOW).reason());
    }
}
