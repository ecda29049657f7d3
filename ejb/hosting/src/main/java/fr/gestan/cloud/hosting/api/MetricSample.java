package fr.gestan.cloud.hosting.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One measurement sent by a server's monitoring agent: CPU, disk and memory use in percent, and when. */
public record MetricSample(BigDecimal cpuPercent, BigDecimal diskPercent, BigDecimal memoryPercent, Instant measuredAt) {
}
