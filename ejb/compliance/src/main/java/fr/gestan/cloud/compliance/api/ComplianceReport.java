package fr.gestan.cloud.compliance.api;

import java.time.LocalDate;
import java.util.List;

/** Every rule's result for one tenant on one date. A certificate may be issued only when nothing blocks. */
public record ComplianceReport(String tenantSiren, String tenantName, LocalDate evaluatedOn, List<RuleResultView> rules) implements java.io.Serializable {
    public ComplianceReport {
        rules = List.copyOf(rules);
    }

    public RuleOutcome outcome() {
        return rules.stream().map(RuleResultView::outcome).reduce(RuleOutcome.PASS, RuleOutcome::worst);
    }

    public boolean blocked() {
        return rules.stream().anyMatch(r -> r.outcome().blocking());
    }

    public List<RuleFinding> blockingFindings() {
        return rules.stream().flatMap(r -> r.findings().stream()).filter(f -> f.outcome().blocking()).toList();
    }

    /** The client's own to-dos (what it acts on), all rules together. */
    public List<RuleFinding> clientToDos() {
        return rules.stream().flatMap(r -> r.clientToDos().stream()).toList();
    }

    /** Our obligations lacking fresh evidence: while any remains, no certificate is issued (it states only what we prove). */
    public List<RuleFinding> ourMissingEvidence() {
        return rules.stream().flatMap(r -> r.findings().stream()).filter(RuleFinding::ourEvidenceMissing).toList();
    }
}
