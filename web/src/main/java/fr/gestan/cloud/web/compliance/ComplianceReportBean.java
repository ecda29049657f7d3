package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** One tenant's compliance report with its evidence: any tenant for staff ({@code ?siren=}), its own for a client. */
@Named
@ViewScoped
public class ComplianceReportBean implements Serializable {

    @EJB
    ComplianceEvaluation compliance;

    private String siren;
    private ComplianceReport report;
    private boolean notFound;

    /** Staff drill-down (view action of the back-office page). */
    public void load() {
        notFound = false;
        try {
            report = siren == null || !siren.matches("\\d{9}") ? null : compliance.evaluate(siren);
            notFound = report == null;
        } catch (TenantNotFoundException e) {
            report = null;
            notFound = true;
        }
    }

    /** The client's own report (view action of the portal page). */
    public void loadMine() {
        try {
            report = compliance.mine();
        } catch (TenantNotFoundException e) {
            report = null;
            notFound = true;
        }
    }

    public String getSiren() {
        return siren;
    }

    public void setSiren(String siren) {
        this.siren = siren;
    }

    public ComplianceReport getReport() {
        return report;
    }

    public boolean isNotFound() {
        return notFound;
    }
}
