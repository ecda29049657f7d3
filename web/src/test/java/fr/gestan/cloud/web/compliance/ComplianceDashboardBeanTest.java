package fr.gestan.cloud.web.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.compliance.api.StoredReportSummary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The compliance dashboard's table takes its total from the stored report's summary (the header's figures) for the
 * filters the summary counts, and asks the database only for the others.
 */
class ComplianceDashboardBeanTest {

    private final StoredReportSummary summary = new StoredReportSummary(10_004, 12, 345, 6, Instant.parse("2026-12-07T03:00:00Z"));

    @Test
    void the_summary_counts_every_report_the_failing_ones_the_obligations_and_the_missing_evidence() {
        assertEquals(10_004L, ComplianceDashboardBean.countedBySummary(null, summary));
        assertEquals(12L, ComplianceDashboardBean.countedBySummary("FAIL", summary));
        assertEquals(345L, ComplianceDashboardBean.countedBySummary("OBLIGATIONS", summary));
        assertEquals(6L, ComplianceDashboardBean.countedBySummary("EVIDENCE_MISSING", summary));
    }

    @Test
    void the_other_filters_are_counted_in_the_database() {
        // OBLIGATION (the outcome) is not OBLIGATIONS (any tenant with one), and PASS is not in the summary
        assertNull(ComplianceDashboardBean.countedBySummary("OBLIGATION", summary));
        assertNull(ComplianceDashboardBean.countedBySummary("PASS", summary));
        for (String filter : ComplianceDashboardBean.FILTERS) {
            Long counted = ComplianceDashboardBean.countedBySummary(filter, summary);
            assertEquals(filter.equals("OBLIGATION") || filter.equals("PASS"), counted == null, filter);
        }
    }
}
