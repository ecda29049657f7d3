package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.MetricsRejectedException;
import fr.gestan.cloud.security.api.PolicySettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a measurement and compares it with the thresholds of the security policy in effect (the same values
 * /trust, the agreements and the certificates print). Pure logic, unit tested.
 */
final class MetricRules {

    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofHours(24);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Thresholds(BigDecimal cpu, BigDecimal disk, BigDecimal memory) {
        static Thresholds of(PolicySettings policy) {
            return new Thresholds(BigDecimal.valueOf(policy.monitorCpuPercent()), BigDecimal.valueOf(policy.monitorDiskPercent()),
                    BigDecimal.valueOf(policy.monitorMemoryPercent()));
        }
    }

    private MetricRules() {
    }

    static void validate(MetricSample sample, Instant now) {
        validate(sample, now, MAX_AGE);
    }

    /** As {@link #validate(MetricSample, Instant)}, with the oldest accepted measurement given. */
    static void validate(MetricSample sample, Instant now, Duration maxAge) {
        if (sample == null) {
            throw new MetricsRejectedException(400, "missing-body", "A JSON body with cpuPercent, diskPercent, memoryPercent and measuredAt is required.");
        }
        percent("cpuPercent", sample.cpuPercent());
        percent("diskPercent", sample.diskPercent());
        percent("memoryPercent", sample.memoryPercent());
        if (sample.measuredAt() == null) {
            throw new MetricsRejectedException(400, "missing-time", "measuredAt (ISO-8601 instant) is required.");
        }
        if (sample.measuredAt().isAfter(now.plus(MAX_AHEAD))) {
            throw new MetricsRejectedException(400, "future-measurement", "measuredAt is in the future (more than 5 minutes ahead).");
        }
        if (sample.measuredAt().isBefore(now.minus(maxAge))) {
            throw new MetricsRejectedException(400, "stale-measurement", "measuredAt is more than " + (maxAge.toHours() <= 24
                    ? maxAge.toHours() + " hours" : maxAge.toDays() + " days") + " in the past.");
        }
    }

    private static void percent(String field, BigDecimal value) {
        if (value == null) {
            throw new MetricsRejectedException(400, "missing-value", field + " is required.");
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new MetricsRejectedException(400, "out-of-range", field + " must be between 0 and 100.");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new MetricsRejectedException(400, "out-of-range", field + " has more than 2 decimals.");
        }
    }

    static List<String> exceeded(MetricSample sample, Thresholds thresholds) {
        List<String> exceeded = new ArrayList<>();
        if (sample.cpuPercent().compareTo(thresholds.cpu()) >= 0) {
            exceeded.add("cpu");
        }
        if (sample.diskPercent().compareTo(thresholds.disk()) >= 0) {
            exceeded.add("disk");
        }
        if (sample.memoryPercent().compareTo(thresholds.memory()) >= 0) {
            exceeded.add("memory");
        }
        return exceeded;
    }
}
