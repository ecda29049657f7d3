package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.RuleOutcome;
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

    /** How our own commitments stand, the client's to-dos aside: PASS, EVIDENCE_MISSING (ours, late) or FAIL. */
    public String getOurOutcome() {
        ComplianceReport r = getMine();
        return r == null ? RuleOutcome.PASS.name()
                : r.rules().stream().map(x -> x.ourOutcome()).reduce(RuleOutcome.PASS, RuleOutcome::worst).name();
    }

    /**
     * The tile's tone follows what the client can act on: its to-dos (warning); our failure is an alert; our late
     * evidence is ours to bring, nothing the client must do, so it does not colour its dashboard.
     */
    public String getTone() {
        ComplianceReport r = getMine();
        if (r == null) {
            return "normal";
        }
        if (RuleOutcome.FAIL.name().equals(getOurOutcome())) {
            return "alert";
        }
        if (!r.clientToDos().isEmpty()) {
            return "warning";
        }
        return RuleOutcome.PASS.name().equals(getOurOutcome()) ? "ok" : "normal";
    }
}
