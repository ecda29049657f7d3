package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The staff compliance dashboard: one page of tenants with their overall status and blocking findings. */
@Named
@ViewScoped
public class ComplianceDashboardBean implements Serializable {

    static final int PAGE = 20;

    @EJB
    transient ComplianceEvaluation compliance;

    private int first;
    private transient List<ComplianceReport> reports;

    public List<ComplianceReport> getReports() {
        if (reports == null) {
            reports = compliance.page(first, PAGE);
        }
        return reports;
    }

    public int getFirst() {
        return first;
    }

    public boolean isHasPrevious() {
        return first > 0;
    }

    public boolean isHasNext() {
        return getReports().size() == PAGE;
    }

    public void next() {
        first += PAGE;
        reports = null;
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        reports = null;
    }
}
