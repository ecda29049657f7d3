package fr.gestan.cloud.compliance.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.compliance.api.StoredReportSummary;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The stored reports' summary (back-office and compliance dashboards), kept and void when a report is written. */
class StoredReportSummaryKeptTest {

    private final AtomicLong blocked = new AtomicLong(3);

    private StoredReportSummary summary() {
        return StoredReport.SUMMARIES.get(() -> new StoredReportSummary(10_000, blocked.get(), 0, 0, Instant.EPOCH));
    }

    @Test
    void a_written_report_shows_in_the_next_summary() {
        new StoredReport.Listener().written(new Object());
        assertEquals(3, summary().blocked());
        blocked.set(4);
        assertEquals(3, summary().blocked(), "nothing written on this node: kept");
        new StoredReport.Listener().written(new Object()); // what JPA calls after the daily run replaced a report
        assertEquals(4, summary().blocked());
    }
}
