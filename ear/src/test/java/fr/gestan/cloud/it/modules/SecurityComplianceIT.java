package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.CertificateRegistry;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.RuleResultView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBTransactionRequiredException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security module (access journal) and the compliance module (certificate registry) in one deployment:
 * compliance writes to the journal, so both are needed anyway, and one deployment saves seconds.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityComplianceIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(SecurityComplianceIT.class, "gestan-compliance.jar", "gestan-tenants.jar",
                "gestan-hosting.jar");
    }

    @EJB
    JournalQuery journal;
    @EJB
    AccessJournal writer;
    @EJB
    CertificateRegistry registry;
    @EJB
    ComplianceEvaluation compliance;
    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;

    @Test
    void the_journal_is_read_by_auditors_and_admins_only() throws Exception {
        auditor.call(() -> journal.latest(5));
        admin.call(journal::count);
        assertThrows(EJBAccessException.class, () -> support.call(() -> journal.latest(5)));
        assertThrows(EJBAccessException.class, () -> client.call(journal::count));
        assertThrows(EJBAccessException.class, () -> journal.latest(5));
    }

    @Test
    void a_journal_entry_needs_the_transaction_of_its_action() {
        assertThrows(EJBTransactionRequiredException.class,
                () -> writer.record(JournalEvent.success("ORPHAN", null, "no transaction")));
    }

    @Test
    void support_records_a_certificate_that_anyone_can_verify_and_the_journal_says_who() throws Exception {
        String siren = Ids.siren();
        String sha = "ab".repeat(32);
        CertificateStatusView recorded = support.call(() -> registry.record(siren, sha));

        assertTrue(recorded.number().matches("GC-\\d{4}-\\d{6}"), recorded.number());
        assertEquals(CertificateStatus.VALID, recorded.status());

        Optional<CertificateStatusView> verified = registry.verify(recorded.number().toLowerCase());
        assertTrue(verified.isPresent());
        assertEquals(null, verified.get().tenantSiren(), "by number, no company: numbers are sequential and could be walked");
        assertEquals(sha, verified.get().sha256());
        assertTrue(registry.verify("GC-1999-999999").isEmpty());

        List<JournalEntryView> entries = auditor.call(() -> journal.latest(20));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_RECORDED")
                && recorded.number().equals(e.target()) && e.actor().equals("support.it")), entries::toString);
    }

    @Test
    void recording_certificates_is_refused_to_anonymous_clients_and_auditors() {
        String sha = "cd".repeat(32);
        assertThrows(EJBAccessException.class, () -> registry.record(Ids.siren(), sha));
        assertThrows(EJBAccessException.class, () -> client.call(() -> registry.record(Ids.siren(), sha)));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> registry.record(Ids.siren(), sha)));
    }

    @Test
    void journal_values_cannot_forge_lines() throws Exception {
        String forged = "x\n2026-01-01 admin DELETE_ALL";
        // The caller bean's container-managed transaction carries the entry, as a service's would.
        support.call(() -> {
            writer.record(JournalEvent.success("FORGERY_ATTEMPT", null, forged));
            return null;
        });
        JournalEntryView entry = auditor.call(() -> journal.latest(1)).get(0);
        assertEquals("FORGERY_ATTEMPT", entry.action());
        assertEquals("x\\u000a2026-01-01 admin DELETE_ALL", entry.target());
    }

    @Test
    void staff_evaluate_the_eight_rules_from_the_other_modules_data() throws Exception {
        String siren = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal("Fromagerie Étienne SARL", siren)));
        ContractView contract = support.call(() -> contracts.create(new NewContract(siren, "Gestan ERP Cloud",
                LocalDate.of(2026, 1, 1), null, true, ServiceLevel.STANDARD, null, null, 10)));

        ComplianceReport report = support.call(() -> compliance.evaluate(siren));
        assertEquals(siren, report.tenantSiren());
        assertEquals("Fromagerie Étienne SARL", report.tenantName());
        assertEquals(List.of("R1-ACCOUNTING-EU", "R2-EINVOICE-STORAGE", "R3-GDPR", "R4-SECNUMCLOUD-19.6", "R5-DISTINCT-SITES",
                "R6-SNAPSHOTS-BACKUPS", "R7-CONFIDENTIALITY", "R8-CERTIFICATIONS"), report.rules().stream().map(RuleResultView::ruleId).toList());
        RuleResultView sites = report.rules().get(4);
        assertEquals(RuleOutcome.PASS, sites.outcome(), sites.findings().toString());
        assertEquals(contract.id(), sites.findings().get(0).contractId());
        assertEquals(contract.productionDataCentre() + " / " + contract.backupDataCentre(), sites.findings().get(0).evidence());
        assertTrue(report.rules().get(3).findings().stream().allMatch(f -> contract.id() == f.contractId()),
                report.rules().get(3).findings().toString());

        // whose obligation each rule is (issue 21 item 2): the client's to-dos in R2 and R3 only, the rest ours
        assertEquals(List.of("R2-EINVOICE-STORAGE", "R3-GDPR"), report.rules().stream()
                .filter(r -> r.owner() == fr.gestan.cloud.compliance.api.Party.CLIENT).map(RuleResultView::ruleId).toList());
        assertTrue(report.clientToDos().stream().allMatch(f -> f.party() == fr.gestan.cloud.compliance.api.Party.CLIENT
                && f.outcome() == RuleOutcome.OBLIGATION && List.of("R2-EINVOICE-STORAGE", "R3-GDPR").contains(f.ruleId())), report.clientToDos()::toString);
        // missing evidence is ours to bring, never a to-do of the client (the shared database decides whether any is missing)
        List<RuleFinding> missing = report.rules().stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.outcome() == RuleOutcome.EVIDENCE_MISSING).toList();
        assertEquals(missing, report.ourMissingEvidence());
        assertTrue(missing.stream().allMatch(f -> f.party() == fr.gestan.cloud.compliance.api.Party.PROVIDER), missing::toString);
        RuleResultView controls = report.rules().get(5);
        assertTrue(controls.findings().stream().allMatch(f -> f.party() == fr.gestan.cloud.compliance.api.Party.PROVIDER), controls::toString);

        ComplianceReport asAuditor = auditor.call(() -> compliance.evaluate(siren));
        assertEquals(report.rules().size(), asAuditor.rules().size());
        List<ComplianceReport> page = admin.call(() -> compliance.page(0, 5));
        assertTrue(page.size() <= 5 && !page.isEmpty());

        assertThrows(TenantNotFoundException.class, () -> support.call(() -> compliance.evaluate(Ids.siren())));
        assertThrows(EJBAccessException.class, () -> client.call(() -> compliance.evaluate(siren)));
        assertThrows(EJBAccessException.class, () -> compliance.evaluate(siren));
    }
}
