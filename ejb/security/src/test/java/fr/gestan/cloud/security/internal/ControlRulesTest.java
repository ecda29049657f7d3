package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.ServerControls.Status;
import java.time.Duration;
import java.time.Instant;
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
        assertEquals(Status.ATTENTION, ControlRules.updates("s", 0, null, POLICY, NOW).status());
    }

    @Test
    void recent_firewall_changes_and_ddos_events_need_attention() {
        assertEquals(Status.ATTENTION, ControlRules.firewall("s", NOW.minus(Duration.ofHours(2)), NOW).status());
        assertEquals(Status.OK, ControlRules.firewall("s", NOW.minus(Duration.ofDays(2)), NOW).status());
        assertEquals(Status.ATTENTION, ControlRules.ddos("s", NOW.minus(Duration.ofMinutes(5)), NOW).status());
        assertEquals(Status.OK, ControlRules.ddos("s", null, NOW).status());
    }
}
