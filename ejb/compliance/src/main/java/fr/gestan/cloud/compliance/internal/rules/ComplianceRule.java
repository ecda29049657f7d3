package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
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

    /**
     * Whose obligation this rule's {@code OBLIGATION} findings are: {@link Party#CLIENT} for a rule the client acts on
     * (accept the agreement, declare the storage place, keep invoices), {@link Party#PROVIDER} for ours. Whoever owns
     * the rule, its failures and missing evidence are ours: we host, and we owe the evidence.
     */
    public abstract Party owner();

    /** The findings for this tenant; none means the rule does not apply (reported as a pass). */
    protected abstract void evaluate(TenantFacts tenant, Findings findings);

    public RuleResultView evaluate(TenantFacts tenant) {
        Findings findings = new Findings(id(), owner());
        evaluate(tenant, findings);
        if (findings.list.isEmpty()) {
            findings.add(null, RuleOutcome.PASS, "not-applicable", "");
        }
        RuleOutcome outcome = findings.list.stream().map(RuleFinding::outcome).reduce(RuleOutcome.PASS, RuleOutcome::worst);
        return new RuleResultView(id(), legalReference(), explanationFr(), explanationEn(), outcome, findings.list, owner());
    }

    /**
     * Every site of the contract must be in the European Union: missing evidence where its country is unknown, a
     * failure outside; each site inside is reported as a pass when {@code reportPasses}. Shared by the rules that
     * keep data in the EU (accounting documents, personal data).
     */
    protected static void sitesInEu(TenantFacts.ContractFacts contract, Findings findings, boolean reportPasses) {
        for (TenantFacts.Site site : contract.sites()) {
            if (site.country() == null) {
                findings.add(contract.id(), RuleOutcome.EVIDENCE_MISSING, "country-unknown", site.label());
            } else if (!Countries.inEu(site.country())) {
                findings.add(contract.id(), RuleOutcome.FAIL, "outside-eu", site.label());
            } else if (reportPasses) {
                findings.add(contract.id(), RuleOutcome.PASS, "in-eu", site.label());
            }
        }
    }

    /** Collects one rule's findings. */
    protected static final class Findings {
        private final String ruleId;
        private final Party owner;
        private final List<RuleFinding> list = new ArrayList<>();

        Findings(String ruleId, Party owner) {
            this.ruleId = ruleId;
            this.owner = owner;
        }

        public void add(Long contractId, RuleOutcome outcome, String code, String evidence) {
            // an obligation is the rule owner's to-do; failures and missing evidence are ours whoever owns the rule
            Party party = outcome == RuleOutcome.OBLIGATION ? owner : Party.PROVIDER;
            list.add(new RuleFinding(ruleId, contractId, outcome, code, evidence, party));
        }
    }
}
