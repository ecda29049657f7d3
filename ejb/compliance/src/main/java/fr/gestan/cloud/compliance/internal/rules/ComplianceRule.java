package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.RuleResultView;
import java.util.ArrayList;
import java.util.List;

/** A legal rule as code: adding a rule is one class with its texts, registered in {@link Rules#ALL}, and its tests. */
public abstract class ComplianceRule {

    public abstract String id();

    public abstract String legalReference();

    public abstract String explanationFr();

    public abstract String explanationEn();

    /** The findings for this tenant; none means the rule does not apply (reported as a pass). */
    protected abstract void evaluate(TenantFacts tenant, Findings findings);

    public RuleResultView evaluate(TenantFacts tenant) {
        Findings findings = new Findings(id());
        evaluate(tenant, findings);
        if (findings.list.isEmpty()) {
            findings.add(null, RuleOutcome.PASS, "not-applicable", "");
        }
        RuleOutcome outcome = findings.list.stream().map(RuleFinding::outcome).reduce(RuleOutcome.PASS, RuleOutcome::worst);
        return new RuleResultView(id(), legalReference(), explanationFr(), explanationEn(), outcome, findings.list);
    }

    /** Collects one rule's findings. */
    protected static final class Findings {
        private final String ruleId;
        private final List<RuleFinding> list = new ArrayList<>();

        Findings(String ruleId) {
            this.ruleId = ruleId;
        }

        public void add(Long contractId, RuleOutcome outcome, String code, String evidence) {
            list.add(new RuleFinding(ruleId, contractId, outcome, code, evidence));
        }
    }
}
