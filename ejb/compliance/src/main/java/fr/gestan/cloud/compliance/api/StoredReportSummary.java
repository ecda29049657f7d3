package fr.gestan.cloud.compliance.api;

import java.time.Instant;

/** The stored report in figures (one aggregate query): for the back-office tile and the dashboard header. */
public record StoredReportSummary(long tenants, long blocked, long withObligations, long evidenceMissing,
                                  Instant lastEvaluatedAt) {
}
