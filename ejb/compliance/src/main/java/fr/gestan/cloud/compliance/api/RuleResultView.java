package fr.gestan.cloud.compliance.api;

import java.util.List;

/**
 * A rule's overall result for one tenant (the worst of its findings) with its legal reference and findings, and
 * whose obligations the rule's {@link RuleOutcome#OBLIGATION} findings are ({@code owner}): the client's for the
 * rules the client acts on (R2, R3), ours for the others. Failures and missing evidence are always ours.
 */
public record RuleResultView(String ruleId, String legalReference, String explanationFr, String explanationEn,
                             RuleOutcome outcome, List<RuleFinding> findings, Party owner) implements java.io.Serializable {
    public RuleResultView {
        findings = List.copyOf(findings);
        owner = owner == null ? Party.PROVIDER : owner;
    }

    public RuleResultView(String ruleId, String legalReference, String explanationFr, String explanationEn,
                          RuleOutcome outcome, List<RuleFinding> findings) {
        this(ruleId, legalReference, explanationFr, explanationEn, outcome, findings, Party.PROVIDER);
    }

    /** The client's to-dos in this rule. */
    public List<RuleFinding> clientToDos() {
        return findings.stream().filter(RuleFinding::clientToDo).toList();
    }

    /**
     * How our own part of the rule stands, the client's to-dos left aside: FAIL, EVIDENCE_MISSING or PASS (our
     * commitment kept).
     */
    public RuleOutcome ourOutcome() {
        return findings.stream().filter(f -> f.party() == Party.PROVIDER).map(RuleFinding::outcome)
                .map(o -> o == RuleOutcome.OBLIGATION ? RuleOutcome.PASS : o).reduce(RuleOutcome.PASS, RuleOutcome::worst);
    }
}
