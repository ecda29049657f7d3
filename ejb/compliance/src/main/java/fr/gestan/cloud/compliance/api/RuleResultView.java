package fr.gestan.cloud.compliance.api;

import java.util.List;

/** A rule's overall result for one tenant (the worst of its findings) with its legal reference and findings. */
public record RuleResultView(String ruleId, String legalReference, String explanationFr, String explanationEn,
                             RuleOutcome outcome, List<RuleFinding> findings) {
    public RuleResultView {
        findings = List.copyOf(findings);
    }
}
