package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;

/** Rule R7-CONFIDENTIALITY: Every staff member able to reveal credentials holds a valid confidentiality agreement. */
public final class ConfidentialityRule extends ComplianceRule {

    @Override
    public String id() {
        return "R7-CONFIDENTIALITY";
    }

    /** Ours: the client has nothing to do for it. */
    @Override
    public Party owner() {
        return Party.PROVIDER;
    }

    @Override
    public String legalReference() {
        return "Code pénal art. 226-13 ; ISO/IEC 27001:2022 A.6.6 ; SecNumCloud 3.2 §7.2";
    }

    @Override
    public String explanationFr() {
        return "Chaque membre du personnel capable de révéler des identifiants détient un engagement de confidentialité en cours de validité.";
    }

    @Override
    public String explanationEn() {
        return "Every staff member able to reveal credentials holds a valid confidentiality agreement.";
    }

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        if (tenant.staff() == null) {
            findings.add(null, RuleOutcome.EVIDENCE_MISSING, "staff-unknown", "");
            return;
        }
        for (TenantFacts.StaffFacts s : tenant.staff()) {
            if (s.mayRevealCredentials() && !s.agreementValid()) {
                findings.add(null, RuleOutcome.FAIL, "agreement-missing", s.username());
            }
        }
        long cleared = tenant.staff().stream().filter(s -> s.mayRevealCredentials() && s.agreementValid()).count();
        findings.add(null, RuleOutcome.PASS, "agreements-valid", String.valueOf(cleared));
    }
}
