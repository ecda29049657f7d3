package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;

/** Rule R5-DISTINCT-SITES: Production and backup are in distinct data centres. */
public final class DistinctSitesRule extends ComplianceRule {

    @Override
    public String id() {
        return "R5-DISTINCT-SITES";
    }

    /** Ours: the client has nothing to do for it. */
    @Override
    public Party owner() {
        return Party.PROVIDER;
    }

    @Override
    public String legalReference() {
        return "ANSSI SecNumCloud 3.2 §12.9 ; ISO/IEC 27001:2022 A.8.13, A.8.14";
    }

    @Override
    public String explanationFr() {
        return "La production et la sauvegarde sont dans des centres de données distincts.";
    }

    @Override
    public String explanationEn() {
        return "Production and backup are in distinct data centres.";
    }

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        for (TenantFacts.ContractFacts c : tenant.contracts()) {
            if (c.production() == null || c.backup() == null) {
                findings.add(c.id(), RuleOutcome.FAIL, "backup-missing", c.production() == null ? "" : c.production().label());
            } else if (c.production().dataCentre() == null || c.backup().dataCentre() == null) {
                findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "data-centre-unknown", "");
            } else if (c.production().dataCentre().equalsIgnoreCase(c.backup().dataCentre())) {
                findings.add(c.id(), RuleOutcome.FAIL, "same-data-centre", c.production().dataCentre());
            } else {
                findings.add(c.id(), RuleOutcome.PASS, "distinct-data-centres", c.production().dataCentre() + " / " + c.backup().dataCentre());
            }
        }
    }
}
