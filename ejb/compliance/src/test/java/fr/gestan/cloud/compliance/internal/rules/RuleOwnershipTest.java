package fr.gestan.cloud.compliance.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.RuleResultView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Whose obligation each rule and finding is (issue 21 item 2): the client's to-dos (accept the processor agreement,
 * declare the storage place, keep e-invoices 6 years) apart from ours (the evidence we owe), so that the client is
 * not alarmed by what it cannot act on and a certificate is refused while our own evidence is missing.
 */
class RuleOwnershipTest {

    @Test
    void each_rule_says_whose_obligation_it_is() {
        Map<String, Party> owners = Rules.ALL.stream().collect(Collectors.toMap(ComplianceRule::id, ComplianceRule::owner));
        assertEquals(Map.of("R1-ACCOUNTING-EU", Party.PROVIDER, "R2-EINVOICE-STORAGE", Party.CLIENT, "R3-GDPR", Party.CLIENT,
                "R4-SECNUMCLOUD-19.6", Party.PROVIDER, "R5-DISTINCT-SITES", Party.PROVIDER, "R6-SNAPSHOTS-BACKUPS", Party.PROVIDER,
                "R7-CONFIDENTIALITY", Party.PROVIDER, "R8-CERTIFICATIONS", Party.PROVIDER), owners);
        ComplianceReport report = Rules.evaluate(RuleScenariosTest.compliant());
        for (RuleResultView r : report.rules()) {
            assertEquals(owners.get(r.ruleId()), r.owner(), r.ruleId());
        }
    }

    @Test
    void the_clients_todos_are_its_own_and_never_our_missing_evidence() {
        // agreement never accepted: a to-do of the client, nothing of ours missing
        ComplianceReport report = Rules.evaluate(RuleScenariosTest.withGdpr(false, true));
        List<RuleFinding> todos = report.clientToDos();
        assertEquals(List.of("sign-processor-agreement"), todos.stream().map(RuleFinding::code).toList());
        assertTrue(todos.stream().allMatch(f -> f.party() == Party.CLIENT && f.outcome() == RuleOutcome.OBLIGATION));
        assertEquals(List.of(), report.ourMissingEvidence());
        RuleResultView r3 = report.rules().stream().filter(r -> r.ruleId().equals("R3-GDPR")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.OBLIGATION, r3.outcome(), "the rule as a whole still shows the obligation");
        assertEquals(RuleOutcome.PASS, r3.ourOutcome(), "our part of R3 is kept: hosted in the EU, in the record");

        ComplianceReport shortRetention = Rules.evaluate(RuleScenariosTest.withRetention(30));
        assertEquals(List.of("keep-invoices-six-years"), shortRetention.clientToDos().stream().map(RuleFinding::code).toList());
        assertEquals(List.of(), shortRetention.ourMissingEvidence());
    }

    @Test
    void missing_evidence_and_failures_are_ours_even_in_a_clients_rule() {
        // R6: no evidence of the controls (ours); R2: retention unknown (ours, although the rule's to-dos are the client's)
        ComplianceReport noControls = Rules.evaluate(RuleScenariosTest.withControls(null));
        assertEquals(List.of("R6-SNAPSHOTS-BACKUPS:controls-unknown"),
                noControls.ourMissingEvidence().stream().map(f -> f.ruleId() + ":" + f.code()).toList());
        assertTrue(noControls.clientToDos().isEmpty(), "our late evidence is never the client's to-do");

        ComplianceReport unknownRetention = Rules.evaluate(RuleScenariosTest.withRetention(null));
        RuleFinding missing = unknownRetention.ourMissingEvidence().get(0);
        assertEquals("R2-EINVOICE-STORAGE", missing.ruleId());
        assertEquals(Party.PROVIDER, missing.party());

        ComplianceReport outsideEu = Rules.evaluate(RuleScenariosTest.withBackup(RuleScenariosTest.VIRGINIA));
        assertTrue(outsideEu.blockingFindings().stream().allMatch(f -> f.party() == Party.PROVIDER), outsideEu.blockingFindings()::toString);
        RuleResultView r3 = outsideEu.rules().stream().filter(r -> r.ruleId().equals("R3-GDPR")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.FAIL, r3.ourOutcome());
    }

    @Test
    void a_compliant_tenant_has_neither_todos_nor_missing_evidence() {
        ComplianceReport report = Rules.evaluate(RuleScenariosTest.compliant());
        assertTrue(report.clientToDos().isEmpty());
        assertTrue(report.ourMissingEvidence().isEmpty());
        assertTrue(report.rules().stream().allMatch(r -> r.ourOutcome() == RuleOutcome.PASS));
    }
}
