package fr.gestan.cloud.compliance.internal.report;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.RuleResultView;
import fr.gestan.cloud.compliance.api.StoredReportView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A tenant's last stored compliance evaluation: replaced by the next one, never edited otherwise. */
@Entity
@jakarta.persistence.EntityListeners(StoredReport.Listener.class) // the summary (SUMMARIES)
@Table(name = "compliance_stored_report")
@NamedQuery(name = StoredReport.PRUNE, query = "delete from StoredReport r where r.evaluatedAt < :before")
@NamedQuery(name = StoredReport.SUMMARY, query = "select count(r), "
        + "coalesce(sum(case when r.outcome = 'FAIL' then 1 else 0 end), 0), "
        + "coalesce(sum(case when r.hasObligation = true then 1 else 0 end), 0), "
        + "coalesce(sum(case when r.outcome = 'EVIDENCE_MISSING' then 1 else 0 end), 0), "
        + "max(r.evaluatedAt) from StoredReport r")
@NamedQuery(name = StoredReport.UNBLOCKED_COUNT, query = "select count(r) from StoredReport r where r.blockingRules = ''")
public class StoredReport {

    /**
     * The summary over every stored report (10,000 rows at scale), on the back-office dashboard and the compliance
     * dashboard at each view: kept 5 s on this node, void at once when this node writes a report ({@link Listener},
     * the prune).
     */
    static final NodeMemo<StoredReportSummary> SUMMARIES = new NodeMemo<>(5_000);

    /** On this entity. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object report) {
            SUMMARIES.changed();
        }
    }

    public static final String UNBLOCKED_COUNT = "StoredReport.unblockedCount";

    static final String PRUNE = "StoredReport.prune", SUMMARY = "StoredReport.summary";

    @Id
    private String tenantSiren;

    private String tenantName;

    private Instant evaluatedAt;

    private String outcome;

    private short outcomeRank;

    private String blockingRules;

    private String obligationRules;

    private boolean hasObligation;

    protected StoredReport() {
        // for JPA
    }

    StoredReport(ComplianceReport report, Instant at) {
        this.tenantSiren = Objects.requireNonNull(report.tenantSiren());
        replaceWith(report, at);
    }

    /** Takes the newer evaluation of the same tenant. */
    void replaceWith(ComplianceReport report, Instant at) {
        if (!tenantSiren.equals(report.tenantSiren())) {
            throw new IllegalArgumentException("another tenant's report");
        }
        String name = report.tenantName() == null ? "" : report.tenantName();
        this.tenantName = name.length() > 200 ? name.substring(0, 200) : name;
        this.evaluatedAt = Objects.requireNonNull(at);
        RuleOutcome o = report.outcome();
        this.outcome = o.name();
        this.outcomeRank = (short) o.ordinal();
        this.blockingRules = ids(report, RuleOutcome.FAIL);
        this.obligationRules = ids(report, RuleOutcome.OBLIGATION);
        this.hasObligation = !obligationRules.isEmpty();
    }

    /** The rules with at least one finding of that outcome, comma-separated. */
    private static String ids(ComplianceReport report, RuleOutcome wanted) {
        String ids = String.join(",", report.rules().stream()
                .filter(r -> r.findings().stream().anyMatch(f -> f.outcome() == wanted))
                .map(RuleResultView::ruleId).toList());
        return ids.length() > 400 ? ids.substring(0, 400) : ids;
    }

    String siren() {
        return tenantSiren;
    }

    StoredReportView toView() {
        return new StoredReportView(tenantSiren, tenantName, evaluatedAt, RuleOutcome.valueOf(outcome),
                split(blockingRules), split(obligationRules));
    }

    private static List<String> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }
}
