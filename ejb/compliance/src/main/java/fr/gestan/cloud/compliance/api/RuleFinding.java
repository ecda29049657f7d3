package fr.gestan.cloud.compliance.api;

/**
 * One finding of a rule: its outcome, for which contract ({@code null} when it is about the tenant or the staff),
 * a stable code (localised by the web through {@code compliance.finding.<code>}), the evidence it rests on,
 * as language-neutral data (site codes, countries, dates, shares), and whose obligation it is: a client's to-do
 * ({@link Party#CLIENT}, only {@link RuleOutcome#OBLIGATION} findings of a rule the client acts on) or ours.
 */
public record RuleFinding(String ruleId, Long contractId, RuleOutcome outcome, String code, String evidence, Party party) implements java.io.Serializable {

    public RuleFinding {
        party = party == null ? Party.PROVIDER : party;
    }

    /** A finding of ours (the provider's). */
    public RuleFinding(String ruleId, Long contractId, RuleOutcome outcome, String code, String evidence) {
        this(ruleId, contractId, outcome, code, evidence, Party.PROVIDER);
    }

    /** Something the client must do (it acts on it in its portal). */
    public boolean clientToDo() {
        return party == Party.CLIENT && outcome == RuleOutcome.OBLIGATION;
    }

    /** Evidence we owe and do not have (fresh): no certificate may state this rule as met. */
    public boolean ourEvidenceMissing() {
        return party == Party.PROVIDER && outcome == RuleOutcome.EVIDENCE_MISSING;
    }
}
