package fr.gestan.cloud.hosting.api;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored measurement, for staff charts. */
public record MetricView(Instant measuredAt, BigDecimal cpuPercent, BigDecimal diskPercent, BigDecimal memoryPercent) implements java.io.Serializable {
}
