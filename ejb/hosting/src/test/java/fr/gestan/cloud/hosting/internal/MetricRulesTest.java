package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.MetricsRejectedException;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.security.api.PolicySettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T17:00:00Z");
    private static final MetricRules.Thresholds T = new MetricRules.Thresholds(BigDecimal.valueOf(90), BigDecimal.valueOf(85), BigDecimal.valueOf(90));

    private static MetricSample sample(String cpu, String disk, String mem, Instant at) {
        return new MetricSample(cpu == null ? null : new BigDecimal(cpu), new BigDecimal(disk), new BigDecimal(mem), at);
    }

    private static String code(MetricSample s) {
        MetricsRejectedException e = assertThrows(MetricsRejectedException.class, () -> MetricRules.validate(s, NOW));
        assertEquals(400, e.status());
        return e.code();
    }

    @Test
    void out_of_range_future_and_stale_measurements_are_refused() {
        assertEquals("out-of-range", code(sample("100.5", "10", "10", NOW)));
        assertEquals("out-of-range", code(sample("10", "-1", "10", NOW)));
        assertEquals("missing-value", code(sample(null, "10", "10", NOW)));
        assertEquals("missing-time", code(sample("10", "10", "10", null)));
        assertEquals("future-measurement", code(sample("10", "10", "10", NOW.plus(Duration.ofMinutes(6)))));
        assertEquals("stale-measurement", code(sample("10", "10", "10", NOW.minus(Duration.ofHours(25)))));
        assertEquals("missing-body", code(null));
        MetricRules.validate(sample("0", "100", "55.25", NOW.minus(Duration.ofHours(23))), NOW);
    }

    @Test
    void thresholds_say_which_figures_are_too_high() {
        assertTrue(MetricRules.exceeded(sample("50", "50", "50", NOW), T).isEmpty());
        assertEquals(List.of("cpu", "disk"), MetricRules.exceeded(sample("95", "85", "50", NOW), T));
    }

    @Test
    void thresholds_are_the_policys() {
        PolicySettings policy = new PolicySettings(5, 60, 900, 43200, false, 12, 4, 30, true, 24, 30, true, 85, 80);
        assertEquals(new MetricRules.Thresholds(BigDecimal.valueOf(85), BigDecimal.valueOf(80), BigDecimal.valueOf(90)),
                MetricRules.Thresholds.of(policy));
        assertEquals(List.of("cpu"), MetricRules.exceeded(sample("86", "79", "50", NOW), MetricRules.Thresholds.of(policy)));
        assertEquals(List.of("memory"), MetricRules.exceeded(sample("50", "50", "71", NOW),
                MetricRules.Thresholds.of(policy.withMonitoring(95, 95, 70))));
    }

    @Test
    void only_the_hash_of_the_monitoring_token_is_kept_and_compared() {
        HostingServer server = new HostingServer("S", new DataCentre("DC3", "Vitry", "FR", "Scaleway SAS"), ServerRole.PRODUCTION, "std", 100);
        assertFalse(server.acceptsMonitoringToken("anything"), "no token issued yet");
        server.useMonitoringToken("s3cret-token");
        assertTrue(server.acceptsMonitoringToken("s3cret-token"));
        assertFalse(server.acceptsMonitoringToken("s3cret-tokeN"));
        assertFalse(server.acceptsMonitoringToken(null));
        assertEquals(64, HostingServer.sha256("x").length());
    }
}
