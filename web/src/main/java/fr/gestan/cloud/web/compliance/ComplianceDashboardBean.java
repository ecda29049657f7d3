package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.web.layout.DatabasePages;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.ComplianceReportJob;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.StoredReportQuery;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.compliance.api.StoredReportView;
import fr.gestan.cloud.web.progress.BackgroundWork;
import fr.gestan.cloud.web.progress.Progress;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The staff compliance dashboard: the stored daily report, paged, sorted and filtered by outcome in the database
 * (one query per page, one for the count), "last evaluated at", "re-evaluate now" with its progress, and the
 * drill-down to the live evidence. Before the first stored run it shows the live evaluation of the first page.
 */
@Named
@ViewScoped
public class ComplianceDashboardBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Filter values: an outcome name, or OBLIGATIONS (any tenant with an obligation). */
    static final List<String> FILTERS = List.of("FAIL", "OBLIGATIONS", "EVIDENCE_MISSING", "OBLIGATION", "PASS");

    @EJB
    ComplianceEvaluation compliance;
    @EJB
    ComplianceReports reports;
    @EJB
    ComplianceReportJob job;
    @Inject
    BackgroundWork work;

    private String filter;
    private Progress progress;
    private transient StoredReportSummary summary;
    private transient Object summaryRequest;
    private final LazyDataModel<StoredReportView> model = new DatabasePages<>(this::count, this::page, StoredReportView::tenantSiren, 200);

    private long count() {
        if (isLive()) {
            return reports.tenantCount();
        }
        Long counted = countedBySummary(filter, getSummary());
        return counted != null ? counted : reports.count(query(StoredReportQuery.Sort.OUTCOME, true, 0, 1));
    }

    /**
     * How many stored reports the filter matches when the summary the page's header shows counts them already (every
     * report, the failing ones, those with an obligation, those missing evidence), else null: the table's count was a
     * call, a transaction and a statement of its own at each view (docs/performance.md, "staff dashboards, tenant search
     * and public pages (pages11s)"). The summary is the stored report's, kept 5 s per node and read afresh after this
     * node's writes (StoredReport.SUMMARIES): the table's total and the header's figures are the same.
     */
    static Long countedBySummary(String filter, StoredReportSummary summary) {
        if (filter == null) {
            return summary.tenants();
        }
        return switch (filter) {
            case "FAIL" -> summary.blocked();
            case "OBLIGATIONS" -> summary.withObligations();
            case "EVIDENCE_MISSING" -> summary.evidenceMissing();
            default -> null;
        };
    }

    private List<StoredReportView> page(int first, int size, SortMeta sort) {
        if (isLive()) {
            Instant now = Instant.now();
            return compliance.page(first, Math.min(size, 50)).stream().map(r -> new StoredReportView(
                    r.tenantSiren(), r.tenantName(), now, r.outcome(), ids(r, RuleOutcome.FAIL), ids(r, RuleOutcome.OBLIGATION))).toList();
        }
        String field = DatabasePages.field(sort);
        StoredReportQuery.Sort by = field == null ? StoredReportQuery.Sort.OUTCOME : switch (field) {
            case "tenantName" -> StoredReportQuery.Sort.TENANT_NAME;
            case "tenantSiren" -> StoredReportQuery.Sort.SIREN;
            case "evaluatedAt" -> StoredReportQuery.Sort.EVALUATED_AT;
            default -> StoredReportQuery.Sort.OUTCOME;
        };
        return reports.page(query(by, DatabasePages.ascending(sort), first, size));
    }

    /** Read once per request (a finished re-evaluation shows its figures at the next refresh). */
    public StoredReportSummary getSummary() {
        Object request = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (summary == null || request != summaryRequest) {
            summary = reports.summary();
            summaryRequest = request;
        }
        return summary;
    }

    /** True before the first stored run: the page shows the live evaluation of the first tenants instead. */
    public boolean isLive() {
        return getSummary().tenants() == 0;
    }

    public LazyDataModel<StoredReportView> getModel() {
        return model;
    }

    public List<String> getFilters() {
        return FILTERS;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter == null || !FILTERS.contains(filter) ? null : filter;
    }

    public Progress getProgress() {
        return progress;
    }

    /** Re-evaluates every tenant now, in the background, one page per transaction. */
    public void reevaluate() {
        if (progress != null && progress.isRunning()) {
            return;
        }
        long total = reports.tenantCount();
        progress = work.start("compliance report", p -> {
            p.total(total);
            int[] last = {0};
            job.runNow(done -> {
                p.advance(done - last[0]);
                last[0] = done;
            });
        });
    }

    /** After a run: read the summary again. */
    public void refresh() {
        summary = null;
    }

    private StoredReportQuery query(StoredReportQuery.Sort sort, boolean ascending, int first, int max) {
        RuleOutcome outcome = filter == null || filter.equals("OBLIGATIONS") ? null : RuleOutcome.valueOf(filter);
        return new StoredReportQuery(outcome, "OBLIGATIONS".equals(filter), sort, ascending, first, max);
    }

    private static List<String> ids(ComplianceReport r, RuleOutcome outcome) {
        return r.rules().stream().filter(x -> x.findings().stream().anyMatch(f -> f.outcome() == outcome)).map(x -> x.ruleId()).toList();
    }

}
