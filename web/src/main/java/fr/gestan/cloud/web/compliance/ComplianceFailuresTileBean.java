package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.web.admin.BackOfficeDashboardView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The back-office tile "Compliance failures": figures of the stored daily report (one aggregate query), read with the
 * other tiles' figures in one call per view ({@link BackOfficeDashboardView}).
 */
@Named
@RequestScoped
public class ComplianceFailuresTileBean {

    @Inject
    BackOfficeDashboardView dashboard;

    public StoredReportSummary getSummary() {
        return dashboard.figures().compliance();
    }

    public String getTone() {
        StoredReportSummary s = getSummary();
        return s.blocked() > 0 ? "alert" : s.withObligations() > 0 ? "warning" : "ok";
    }
}
