package fr.gestan.cloud.compliance.internal.rules;

import static fr.gestan.cloud.compliance.api.RuleOutcome.EVIDENCE_MISSING;
import static fr.gestan.cloud.compliance.api.RuleOutcome.FAIL;
import static fr.gestan.cloud.compliance.api.RuleOutcome.OBLIGATION;
import static fr.gestan.cloud.compliance.api.RuleOutcome.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.RuleResultView;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts.Certification;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts.ContractFacts;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts.Control;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts.Operator;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts.Site;
import fr.gestan.cloud.compliance.internal.rules.TenantFacts.StaffFacts;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenario table: a compliant tenant, and one change per row that drives a rule to pass, fail or obligation. */
class RuleScenariosTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static final Operator SOVEREIGN = new Operator("Gestan Hébergement SAS", "FR", null, new BigDecimal("5.00"), new BigDecimal("12.00"));
    static final Operator US_SUBSIDIARY = new Operator("Cloudy France SARL", "FR", "US", new BigDecimal("0"), new BigDecimal("0"));
    static final Operator US_COMPANY = new Operator("Cloudy Inc.", "US", null, new BigDecimal("100"), new BigDecimal("100"));
    static final Operator ONE_HOLDER_25 = new Operator("Alpha SA", "FR", null, new BigDecimal("25.00"), new BigDecimal("25.00"));
    static final Operator HOLDERS_40 = new Operator("Beta SA", "FR", null, new BigDecimal("20.00"), new BigDecimal("40.00"));
    static final Operator AT_LIMITS = new Operator("Gamma SA", "FR", null, new BigDecimal("24.00"), new BigDecimal("39.00"));

    static final List<Certification> CERTS = List.of(new Certification("ISO/IEC 27001", TODAY.plusMonths(6)));
    static final Site PARIS = new Site("gc-prod-01", "PAR1", "FR", SOVEREIGN, CERTS);
    static final Site ROUBAIX = new Site("gc-bak-01", "RBX1", "FR", SOVEREIGN, CERTS);
    static final Site FRANKFURT = new Site("gc-bak-02", "FRA1", "DE", SOVEREIGN, CERTS);
    static final Site ZURICH = new Site("gc-bak-03", "ZRH1", "CH", SOVEREIGN, CERTS);
    static final Site VIRGINIA = new Site("gc-bak-04", "IAD1", "US", SOVEREIGN, CERTS);
    static final Site SINGAPORE = new Site("gc-bak-05", "SIN1", "SG", SOVEREIGN, CERTS);

    static final List<Control> CONTROLS_OK = List.of(new Control("gc-prod-01", "UPDATE_SNAPSHOT", "OK", null),
            new Control("gc-prod-01", "BACKUP", "OK", null));

    static final Set<HostedDataKind> ALL_KINDS = EnumSet.allOf(HostedDataKind.class);

    /** The reference tenant: everything compliant. */
    static TenantFacts compliant() {
        return new TenantFacts("842317653", "Boulangerie Léonie SARL", TODAY, ALL_KINDS,
                List.of(new ContractFacts(1, PARIS, ROUBAIX, true, true, CONTROLS_OK)), 3650,
                List.of(new StaffFacts("sophie", true, true), new StaffFacts("auditor", false, false)));
    }

    static TenantFacts withContract(UnaryOperator<ContractFacts> change) {
        TenantFacts t = compliant();
        return new TenantFacts(t.siren(), t.legalName(), t.evaluatedOn(), t.dataKinds(),
                List.of(change.apply(t.contracts().get(0))), t.backupRetentionDays(), t.staff());
    }

    static TenantFacts withBackup(Site backup) {
        return withContract(c -> new ContractFacts(c.id(), c.production(), backup, c.processorAgreementSigned(), c.processingRecorded(), c.controls()));
    }

    static TenantFacts withOperator(Operator op) {
        return withBackup(new Site("gc-bak-09", "LYO1", "FR", op, CERTS));
    }

    static TenantFacts withKinds(Set<HostedDataKind> kinds, TenantFacts t) {
        return new TenantFacts(t.siren(), t.legalName(), t.evaluatedOn(), kinds, t.contracts(), t.backupRetentionDays(), t.staff());
    }

    static TenantFacts without(HostedDataKind kind, TenantFacts t) {
        Set<HostedDataKind> kinds = new HashSet<>(t.dataKinds());
        kinds.remove(kind);
        return withKinds(kinds, t);
    }

    static TenantFacts withRetention(Integer days) {
        TenantFacts t = compliant();
        return new TenantFacts(t.siren(), t.legalName(), t.evaluatedOn(), t.dataKinds(), t.contracts(), days, t.staff());
    }

    static TenantFacts withStaff(List<StaffFacts> staff) {
        TenantFacts t = compliant();
        return new TenantFacts(t.siren(), t.legalName(), t.evaluatedOn(), t.dataKinds(), t.contracts(), t.backupRetentionDays(), staff);
    }

    static TenantFacts withControls(List<Control> controls) {
        return withContract(c -> new ContractFacts(c.id(), c.production(), c.backup(), c.processorAgreementSigned(), c.processingRecorded(), controls));
    }

    static final TenantFacts.SubProcessor OPERATOR = new TenantFacts.SubProcessor(TenantFacts.SubProcessor.HOSTING_OPERATOR, SOVEREIGN);

    static TenantFacts.SubProcessor contractor(String country, String parentCountry, String largest, String total) {
        return new TenantFacts.SubProcessor("SECURITY_MONITORING", new Operator("Netsyst", country, parentCountry,
                largest == null ? null : new BigDecimal(largest), total == null ? null : new BigDecimal(total)));
    }

    /** The contract with this list of sub-processors in effect ({@code null}: unknown). */
    static TenantFacts withSubProcessors(List<TenantFacts.SubProcessor> list) {
        return withContract(c -> new ContractFacts(c.id(), c.production(), c.backup(), c.processorAgreementSigned(), c.processingRecorded(),
                c.controls(), false, list));
    }

    static TenantFacts withGdpr(Boolean agreement, Boolean recorded) {
        return withContract(c -> new ContractFacts(c.id(), c.production(), c.backup(), agreement, recorded, c.controls()));
    }

    static TenantFacts withBackupCertifications(List<Certification> certs) {
        return withBackup(new Site("gc-bak-01", "RBX1", "FR", SOVEREIGN, certs));
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // 1. Accounting documents in the EU
                Arguments.of("accounting in France", "R1-ACCOUNTING-EU", compliant(), PASS),
                Arguments.of("accounting backup in Germany", "R1-ACCOUNTING-EU", withBackup(FRANKFURT), PASS),
                Arguments.of("accounting backup in the US", "R1-ACCOUNTING-EU", withBackup(VIRGINIA), FAIL),
                Arguments.of("accounting backup in Switzerland", "R1-ACCOUNTING-EU", withBackup(ZURICH), FAIL),
                Arguments.of("no accounting, backup in the US", "R1-ACCOUNTING-EU", without(HostedDataKind.ACCOUNTING_DOCUMENTS, withBackup(VIRGINIA)), PASS),
                Arguments.of("accounting, country unknown", "R1-ACCOUNTING-EU", withBackup(new Site("x", "UNK1", null, SOVEREIGN, CERTS)), EVIDENCE_MISSING),
                // 2. E-invoices
                Arguments.of("e-invoices in France, 10-year backups", "R2-EINVOICE-STORAGE", compliant(), PASS),
                Arguments.of("e-invoices backed up in Germany", "R2-EINVOICE-STORAGE", withBackup(FRANKFURT), OBLIGATION),
                Arguments.of("e-invoices backed up in Switzerland", "R2-EINVOICE-STORAGE", withBackup(ZURICH), OBLIGATION),
                Arguments.of("e-invoices backed up in Singapore", "R2-EINVOICE-STORAGE", withBackup(SINGAPORE), FAIL),
                Arguments.of("e-invoices, 90-day backups", "R2-EINVOICE-STORAGE", withRetention(90), OBLIGATION),
                Arguments.of("e-invoices, retention unknown", "R2-EINVOICE-STORAGE", withRetention(null), EVIDENCE_MISSING),
                Arguments.of("no e-invoices, Singapore", "R2-EINVOICE-STORAGE", without(HostedDataKind.E_INVOICES, withBackup(SINGAPORE)), PASS),
                // 3. Personal data
                Arguments.of("GDPR agreement signed and recorded", "R3-GDPR", compliant(), PASS),
                Arguments.of("GDPR agreement not signed", "R3-GDPR", withGdpr(false, true), OBLIGATION),
                Arguments.of("processing not in the record", "R3-GDPR", withGdpr(true, false), FAIL),
                Arguments.of("personal data backed up in the US", "R3-GDPR", withBackup(VIRGINIA), FAIL),
                Arguments.of("GDPR evidence not available", "R3-GDPR", withGdpr(null, null), EVIDENCE_MISSING),
                Arguments.of("agreement accepted, content changed since", "R3-GDPR", withContract(c -> new ContractFacts(c.id(), c.production(), c.backup(), false, true, c.controls(), true)), OBLIGATION),
                Arguments.of("agreement outdated and processing not in the record", "R3-GDPR", withContract(c -> new ContractFacts(c.id(), c.production(), c.backup(), false, false, c.controls(), true)), FAIL),
                Arguments.of("agreement accepted, record unknown", "R3-GDPR", withGdpr(true, null), EVIDENCE_MISSING),
                Arguments.of("no personal data", "R3-GDPR", withKinds(EnumSet.of(HostedDataKind.ACCOUNTING_DOCUMENTS), withGdpr(false, false)), PASS),
                // 4. SecNumCloud 19.6
                Arguments.of("French operator, small non-EU shares", "R4-SECNUMCLOUD-19.6", compliant(), PASS),
                Arguments.of("exactly 24 % and 39 %", "R4-SECNUMCLOUD-19.6", withOperator(AT_LIMITS), PASS),
                Arguments.of("one non-EU holder at 25 %", "R4-SECNUMCLOUD-19.6", withOperator(ONE_HOLDER_25), FAIL),
                Arguments.of("non-EU holders at 40 %", "R4-SECNUMCLOUD-19.6", withOperator(HOLDERS_40), FAIL),
                Arguments.of("US company", "R4-SECNUMCLOUD-19.6", withOperator(US_COMPANY), FAIL),
                Arguments.of("subsidiary of a US company", "R4-SECNUMCLOUD-19.6", withOperator(US_SUBSIDIARY), FAIL),
                Arguments.of("capital unknown", "R4-SECNUMCLOUD-19.6", withOperator(new Operator("Delta SA", "FR", null, null, null)), EVIDENCE_MISSING),
                // 5. Distinct data centres
                Arguments.of("Paris and Roubaix", "R5-DISTINCT-SITES", compliant(), PASS),
                Arguments.of("backup in the production data centre", "R5-DISTINCT-SITES", withBackup(new Site("gc-bak-07", "PAR1", "FR", SOVEREIGN, CERTS)), FAIL),
                Arguments.of("no backup server", "R5-DISTINCT-SITES", withBackup(null), FAIL),
                // 6. Snapshots before updates, backups
                Arguments.of("snapshots and backups OK", "R6-SNAPSHOTS-BACKUPS", compliant(), PASS),
                Arguments.of("update without snapshot", "R6-SNAPSHOTS-BACKUPS", withControls(List.of(new Control("gc-prod-01", "UPDATE_SNAPSHOT", "FAILING", "update.without.snapshot"), CONTROLS_OK.get(1))), FAIL),
                Arguments.of("backups late", "R6-SNAPSHOTS-BACKUPS", withControls(List.of(CONTROLS_OK.get(0), new Control("gc-prod-01", "BACKUP", "ATTENTION", "backup.late"))), EVIDENCE_MISSING),
                Arguments.of("no update reported", "R6-SNAPSHOTS-BACKUPS", withControls(List.of(new Control("gc-prod-01", "UPDATE_SNAPSHOT", "NO_EVIDENCE", "update.none"), CONTROLS_OK.get(1))), EVIDENCE_MISSING),
                Arguments.of("no backup evidence", "R6-SNAPSHOTS-BACKUPS", withControls(List.of(CONTROLS_OK.get(0))), EVIDENCE_MISSING),
                // sub-processors: the list the agreement prints is the one checked
                Arguments.of("operator and contractor listed", "R3-GDPR", withSubProcessors(List.of(OPERATOR, contractor("FR", null, "0", "0"))), PASS),
                Arguments.of("site operator not a sub-processor in effect", "R3-GDPR",
                        withSubProcessors(List.of(new TenantFacts.SubProcessor(TenantFacts.SubProcessor.HOSTING_OPERATOR, AT_LIMITS))), FAIL),
                Arguments.of("contractor outside the EU", "R3-GDPR", withSubProcessors(List.of(OPERATOR, contractor("GB", null, "0", "0"))), FAIL),
                Arguments.of("sub-processors unknown", "R3-GDPR", withSubProcessors(null), EVIDENCE_MISSING),
                Arguments.of("contractor EU-controlled", "R4-SECNUMCLOUD-19.6", withSubProcessors(List.of(OPERATOR, contractor("FR", null, "0", "0"))), PASS),
                Arguments.of("contractor with a US parent", "R4-SECNUMCLOUD-19.6", withSubProcessors(List.of(OPERATOR, contractor("FR", "US", "0", "0"))), FAIL),
                Arguments.of("contractor's capital unknown", "R4-SECNUMCLOUD-19.6", withSubProcessors(List.of(OPERATOR, contractor("FR", null, null, null))), EVIDENCE_MISSING),
                // 7. Confidentiality agreements
                Arguments.of("support cleared", "R7-CONFIDENTIALITY", compliant(), PASS),
                Arguments.of("support without agreement", "R7-CONFIDENTIALITY", withStaff(List.of(new StaffFacts("sophie", true, true), new StaffFacts("marc", true, false))), FAIL),
                Arguments.of("staff list not available", "R7-CONFIDENTIALITY", withStaff(null), EVIDENCE_MISSING),
                // 8. Certifications
                Arguments.of("certifications valid", "R8-CERTIFICATIONS", compliant(), PASS),
                Arguments.of("certification expires today", "R8-CERTIFICATIONS", withBackupCertifications(List.of(new Certification("ISO/IEC 27001", TODAY))), PASS),
                Arguments.of("certification expired yesterday", "R8-CERTIFICATIONS", withBackupCertifications(List.of(new Certification("ISO/IEC 27001", TODAY.minusDays(1)))), FAIL),
                Arguments.of("no certification", "R8-CERTIFICATIONS", withBackupCertifications(List.of()), EVIDENCE_MISSING));
    }

    @ParameterizedTest(name = "{0}: {1} → {3}")
    @MethodSource("scenarios")
    void each_scenario_gives_the_expected_outcome(String scenario, String ruleId, TenantFacts tenant, RuleOutcome expected) {
        RuleResultView result = Rules.evaluate(tenant).rules().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
        assertEquals(expected, result.outcome(), () -> scenario + ": " + result.findings());
        assertTrue(result.findings().stream().allMatch(f -> f.ruleId().equals(ruleId)));
    }

    @Test
    void the_compliant_tenant_passes_every_rule_and_is_not_blocked() {
        ComplianceReport report = Rules.evaluate(compliant());
        assertEquals(8, report.rules().size());
        assertEquals(PASS, report.outcome());
        assertFalse(report.blocked());
    }

    @Test
    void a_failing_rule_blocks_and_says_why() {
        ComplianceReport report = Rules.evaluate(withOperator(US_SUBSIDIARY));
        assertTrue(report.blocked());
        assertEquals(FAIL, report.outcome());
        assertEquals(List.of("non-eu-parent"), report.blockingFindings().stream().map(f -> f.code()).toList());
        assertTrue(report.blockingFindings().get(0).evidence().contains("(US)"));
    }

    @Test
    void a_control_passing_on_staff_declarations_only_says_so_and_the_certificate_prints_it() {
        TenantFacts declared = withControls(List.of(new Control("gc-prod-01", "UPDATE_SNAPSHOT", "OK", null, "REPORTED"),
                new Control("gc-prod-01", "BACKUP", "OK", null, "DECLARED")));
        RuleResultView r6 = Rules.evaluate(declared).rules().stream().filter(r -> r.ruleId().equals("R6-SNAPSHOTS-BACKUPS")).findFirst().orElseThrow();
        assertEquals(PASS, r6.outcome());
        assertTrue(r6.findings().stream().anyMatch(f -> f.code().equals(UpdatesAndBackupsRule.DECLARED_ONLY) && f.evidence().contains("BACKUP")));
        assertTrue(fr.gestan.cloud.compliance.internal.CertificatesBean.evidenceBasis(r6).contains("déclarées par le personnel"));
        RuleResultView machines = Rules.evaluate(withControls(List.of(new Control("gc-prod-01", "UPDATE_SNAPSHOT", "OK", null, "REPORTED"),
                new Control("gc-prod-01", "BACKUP", "OK", null, "REPORTED")))).rules().stream()
                .filter(r -> r.ruleId().equals("R6-SNAPSHOTS-BACKUPS")).findFirst().orElseThrow();
        assertEquals(" Preuves : transmises par les machines.", fr.gestan.cloud.compliance.internal.CertificatesBean.evidenceBasis(machines));
    }

    @Test
    void obligations_and_missing_evidence_do_not_block() {
        ComplianceReport report = Rules.evaluate(withGdpr(false, null));
        assertFalse(report.blocked());
        assertEquals(EVIDENCE_MISSING, report.outcome());
    }

    @Test
    void an_outdated_agreement_says_so_rather_than_never_signed() {
        RuleResultView r3 = Rules.evaluate(withContract(c -> new ContractFacts(c.id(), c.production(), c.backup(), false, true, c.controls(), true)))
                .rules().get(2);
        assertTrue(r3.findings().stream().anyMatch(f -> f.code().equals("processor-agreement-outdated")), r3.findings()::toString);
        RuleResultView never = Rules.evaluate(withGdpr(false, true)).rules().get(2);
        assertTrue(never.findings().stream().anyMatch(f -> f.code().equals("sign-processor-agreement")), never.findings()::toString);
    }

    @Test
    void every_rule_has_a_unique_id_a_legal_reference_and_both_explanations() {
        assertEquals(Rules.ALL.size(), Rules.ALL.stream().map(ComplianceRule::id).distinct().count());
        for (ComplianceRule rule : Rules.ALL) {
            assertFalse(rule.legalReference().isBlank(), rule.id());
            assertFalse(rule.explanationFr().isBlank(), rule.id());
            assertFalse(rule.explanationEn().isBlank(), rule.id());
            assertFalse(rule.explanationFr().equals(rule.explanationEn()), rule.id());
        }
    }

    @Test
    void the_severity_order_is_fail_missing_obligation_pass() {
        assertEquals(FAIL, PASS.worst(FAIL));
        assertEquals(EVIDENCE_MISSING, OBLIGATION.worst(EVIDENCE_MISSING));
        assertEquals(OBLIGATION, OBLIGATION.worst(PASS));
        assertTrue(FAIL.blocking());
        assertFalse(OBLIGATION.blocking());
    }
}
