package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The back-office tile "Compliance failures": figures of the stored daily report (one aggregate query, lazily). */
@Named
@RequestScoped
public class ComplianceFailuresTileBean {

    @EJB
    ComplianceReports reports;

    private StoredReportSummary summary;

    public StoredReportSummary getSummary() {
        if (summary == null) {
            summary = reports.summary();
        }
        return summary;
    }

    public String getTone() {
        StoredReportSummary s = getSummary();
        return s.blocked() > 0 ? "alert" : s.withObligations() > 0 ? "warning" : "ok";
    }
}
