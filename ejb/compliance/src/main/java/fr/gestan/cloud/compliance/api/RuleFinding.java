package fr.gestan.cloud.compliance.api;

/**
 * One finding of a rule: its outcome, for which contract ({@code null} when it is about the tenant or the staff),
 * a stable code (localised by the web through {@code compliance.finding.<code>}) and the evidence it rests on,
 * as language-neutral data (site codes, countries, dates, shares).
 */
public record RuleFinding(String ruleId, Long contractId, RuleOutcome outcome, String code, String evidence) {
}
