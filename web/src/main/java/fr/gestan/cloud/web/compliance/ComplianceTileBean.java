package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The client dashboard's compliance tile: its overall status, loaded only when the tile is rendered. */
@Named
@RequestScoped
public class ComplianceTileBean {

    @EJB
    ComplianceEvaluation compliance;

    private ComplianceReport mine;
    private boolean loaded;

    public ComplianceReport getMine() {
        if (!loaded) {
            loaded = true;
            try {
                mine = compliance.mine();
            } catch (TenantNotFoundException e) {
                mine = null;
            }
        }
        return mine;
    }

    public String getTone() {
        ComplianceReport r = getMine();
        if (r == null) {
            return "normal";
        }
        return switch (r.outcome()) {
            case FAIL -> "alert";
            case EVIDENCE_MISSING, OBLIGATION -> "warning";
            case PASS -> "ok";
        };
    }
}
