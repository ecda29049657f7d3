package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.AgreementChangedException;
import fr.gestan.cloud.compliance.api.AgreementStatusView;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.ComplianceReportJob;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.DocumentNotFoundException;
import fr.gestan.cloud.compliance.api.ProcessingEntry;
import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import fr.gestan.cloud.compliance.api.ProcessingRecord;
import fr.gestan.cloud.compliance.api.ProcessorAgreements;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.api.RuleResultView;
import fr.gestan.cloud.compliance.api.StoredReportQuery;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.compliance.api.StoredReportView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.ExportFiles;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantExportContributor;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compliance documents and the stored report against the real modules: the daily job and the paged, filtered
 * report; the GDPR art. 28 agreement (acceptance of an exact version, a change of live data requiring a new one,
 * confinement of clients, the journal); the art. 30 record entries; the export contributor.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentsIT extends WithRoleCallers {

    static final String DEMO = "842317653"; // client.demo's company (demo data)

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(DocumentsIT.class, "gestan-compliance.jar", "gestan-tenants.jar", "gestan-hosting.jar");
    }

    @EJB
    ComplianceReports reports;
    @EJB
    ComplianceReportJob job;
    @EJB
    ComplianceEvaluation compliance;
    @EJB
    ProcessorAgreements agreements;
    @EJB
    ProcessingRecord record;
    @EJB(beanName = "DocumentsExportContributor")
    TenantExportContributor export;
    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;
    @EJB
    JournalQuery journal;

    @Test
    void the_job_stores_every_tenant_and_staff_page_and_filter_it_in_the_database() throws Exception {
        // a blocked tenant: personal data, nothing in the record
        String blocked = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal("Pharmacie Hélène Dubois", blocked, Set.of(HostedDataKind.PERSONAL_DATA_CUSTOMERS))));
        support.call(() -> contracts.create(new NewContract(blocked, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null, true,
                ServiceLevel.STANDARD, null, null, 10)));
        // tenants to measure the job per tenant: 150, a third of them with a contract
        for (int i = 0; i < 150; i++) {
            String s = Ids.siren();
            support.call(() -> tenants.create(Companies.minimal("Mesure " + s, s)));
            if (i % 3 == 0) {
                support.call(() -> contracts.create(new NewContract(s, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null, true,
                        ServiceLevel.STANDARD, null, null, 5)));
            }
        }
        long count = auditor.call(reports::tenantCount);
        while (job.running()) {
            Thread.sleep(500); // the first run after deployment is going: wait for it
        }
        Instant before = Instant.now();
        AtomicInteger progress = new AtomicInteger();
        int evaluated;
        while ((evaluated = support.call(() -> job.runNow(progress::set))) < 0) {
            Thread.sleep(500); // the first run after deployment is going: wait for it
        }
        Duration took = Duration.between(before, Instant.now());
        int total = evaluated;
        System.out.printf("DocumentsIT: compliance report of %d tenants in %d ms (%.1f s per 1,000 tenants)%n",
                total, took.toMillis(), took.toMillis() / (double) total);
        assertTrue(evaluated >= count, evaluated + " < " + count);
        assertEquals(evaluated, progress.get());

        StoredReportSummary summary = auditor.call(reports::summary);
        assertEquals(evaluated, summary.tenants());
        assertFalse(summary.lastEvaluatedAt().isBefore(before));
        assertTrue(summary.blocked() >= 1);

        StoredReportQuery failing = new StoredReportQuery(RuleOutcome.FAIL, false, StoredReportQuery.Sort.TENANT_NAME, true, 0, 200);
        List<StoredReportView> page = auditor.call(() -> reports.page(failing));
        assertEquals(summary.blocked(), auditor.call(() -> reports.count(failing)));
        assertTrue(page.stream().allMatch(r -> r.outcome() == RuleOutcome.FAIL && !r.blockingRules().isEmpty()), page::toString);
        StoredReportView mine = page.stream().filter(r -> r.tenantSiren().equals(blocked)).findFirst().orElseThrow();
        assertTrue(mine.blockingRules().contains("R3-GDPR"), mine::toString);
        assertTrue(mine.obligationRules().contains("R3-GDPR"), mine::toString); // the agreement is not accepted either
        StoredReportQuery obligations = new StoredReportQuery(null, true, StoredReportQuery.Sort.OUTCOME, true, 0, 10);
        assertEquals(summary.withObligations(), support.call(() -> reports.count(obligations)));
        assertTrue(support.call(() -> reports.page(obligations)).stream().allMatch(r -> !r.obligationRules().isEmpty()));
        // paging and sorting: pages of 7 by name cover the whole in order, without duplicates
        StoredReportQuery byName = new StoredReportQuery(null, false, StoredReportQuery.Sort.TENANT_NAME, true, 0, 7);
        List<StoredReportView> first = admin.call(() -> reports.page(byName));
        List<StoredReportView> second = admin.call(() -> reports.page(new StoredReportQuery(null, false, StoredReportQuery.Sort.TENANT_NAME, true, 7, 7)));
        assertEquals(7, first.size());
        assertTrue(first.stream().noneMatch(second::contains));

        assertThrows(EJBAccessException.class, () -> auditor.call(() -> job.runNow(n -> { })));
        assertThrows(EJBAccessException.class, () -> client.call(() -> reports.page(byName)));
        assertThrows(EJBAccessException.class, () -> client.call(reports::summary));
    }

    @Test
    void a_client_accepts_the_exact_version_and_a_change_of_live_data_asks_for_a_new_acceptance() throws Exception {
        List<AgreementStatusView> mine = client.call(agreements::mine);
        assertFalse(mine.isEmpty());
        AgreementStatusView agreement = mine.get(0);
        assertEquals(DEMO, agreement.tenantSiren());
        byte[] pdf = client.call(() -> agreements.document(DEMO, agreement.contractId()));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));

        assertThrows(AgreementChangedException.class, () -> client.call(() -> agreements.accept(agreement.contractId(), "0".repeat(64))));
        AgreementStatusView accepted = client.call(() -> agreements.accept(agreement.contractId(), agreement.currentSha256()));
        assertTrue(accepted.accepted());
        assertEquals("client.demo", accepted.acceptedBy());
        for (AgreementStatusView other : mine.subList(1, mine.size())) {
            client.call(() -> agreements.accept(other.contractId(), other.currentSha256()));
        }
        AgreementStatusView staffView = support.call(() -> agreements.of(DEMO)).stream()
                .filter(a -> a.contractId() == agreement.contractId()).findFirst().orElseThrow();
        assertTrue(staffView.accepted());
        RuleResultView passed = r3(DEMO);
        assertEquals(RuleOutcome.PASS, passed.outcome(), passed.findings()::toString);

        List<JournalEntryView> entries = auditor.call(() -> journal.latest(30));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("PROCESSOR_AGREEMENT_ACCEPTED") && e.actor().equals("client.demo")
                && DEMO.equals(e.tenantRef()) && e.target().contains(agreement.currentSha256())), entries::toString);

        // The live content changes (the controller's address is in the agreement): the acceptance no longer matches.
        TenantRecord before = support.call(() -> tenants.get(tenants.bySiren(DEMO).id()));
        TenantDetails d = before.details();
        PostalAddress moved = new PostalAddress("99 avenue de la République", null, d.address().postalCode(), d.address().city(), d.address().countryCode());
        TenantRecord changed = support.call(() -> tenants.update(before.id(), before.version(), with(d, moved)));
        try {
            AgreementStatusView outdated = client.call(agreements::mine).stream().filter(a -> a.contractId() == agreement.contractId()).findFirst().orElseThrow();
            assertFalse(outdated.accepted());
            assertTrue(outdated.outdated());
            RuleResultView r3 = r3(DEMO);
            assertEquals(RuleOutcome.OBLIGATION, r3.outcome(), r3.findings()::toString);
            assertTrue(r3.findings().stream().map(RuleFinding::code).anyMatch("processor-agreement-outdated"::equals));
        } finally {
            support.call(() -> tenants.update(changed.id(), changed.version(), with(d, d.address())));
        }
        // Back to the same live data: the same version, accepted again without a new acceptance.
        assertTrue(client.call(agreements::mine).stream().filter(a -> a.contractId() == agreement.contractId()).findFirst().orElseThrow().accepted());
    }

    @Test
    void a_client_cannot_read_or_accept_another_tenants_agreement_and_the_refusal_is_journaled() throws Exception {
        String other = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal("Garage Noël Frères", other, Set.of(HostedDataKind.PERSONAL_DATA_EMPLOYEES))));
        ContractView c = support.call(() -> contracts.create(new NewContract(other, "Gestan ERP Cloud", LocalDate.of(2026, 2, 1),
                LocalDate.of(2028, 1, 31), false, ServiceLevel.PREMIUM, null, null, 5)));
        AgreementStatusView theirs = support.call(() -> agreements.of(other)).get(0);
        assertFalse(theirs.accepted());

        assertThrows(DocumentNotFoundException.class, () -> client.call(() -> agreements.document(other, c.id())));
        assertThrows(DocumentNotFoundException.class, () -> client.call(() -> agreements.document(DEMO, c.id())));
        assertThrows(DocumentNotFoundException.class, () -> client.call(() -> agreements.accept(c.id(), theirs.currentSha256())));
        assertThrows(EJBAccessException.class, () -> client.call(() -> agreements.of(other)));
        assertThrows(EJBAccessException.class, () -> support.call(() -> agreements.accept(c.id(), theirs.currentSha256())));
        assertFalse(support.call(() -> agreements.of(other)).get(0).accepted());
        List<JournalEntryView> entries = auditor.call(() -> journal.latest(30));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("PROCESSOR_AGREEMENT_ACCESS") && e.outcome().equals("REFUSED")
                && e.actor().equals("client.demo")), entries::toString);
        // staff read any tenant's document
        assertTrue(auditor.call(() -> agreements.document(other, c.id())).length > 1000);
        // a client's export of another tenant is refused
        assertThrows(EJBException.class, () -> client.call(() -> {
            export.contribute(other, (name, content) -> { });
            return null;
        }));
    }

    @Test
    void staff_keep_the_record_which_rule_r3_reads_and_clients_read_their_part() throws Exception {
        String siren = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal("Crèche Les Pâquerettes", siren, Set.of(HostedDataKind.PERSONAL_DATA_EMPLOYEES,
                HostedDataKind.PERSONAL_DATA_CUSTOMERS))));
        support.call(() -> contracts.create(new NewContract(siren, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null, true,
                ServiceLevel.STANDARD, null, null, 10)));
        assertTrue(codes(siren).contains("not-in-record-of-processing"));

        ProcessingEntryView payroll = support.call(() -> record.add(siren, new ProcessingEntry("Paie et gestion du personnel",
                "Salariés", "Identité, rémunération, absences", true, false, null, "Hébergement en France, TLS, sauvegardes")));
        assertEquals(ProcessingEntry.NO_TRANSFER, payroll.entry().transfersOutsideEu());
        assertEquals("support.it", payroll.updatedBy());
        assertTrue(codes(siren).contains("not-in-record-of-processing"), "customers' data still missing");
        support.call(() -> record.add(siren, new ProcessingEntry("Facturation des familles", "Familles inscrites",
                "Identité, coordonnées, factures", false, true, "", "Hébergement en France, TLS")));
        List<String> now = codes(siren);
        assertTrue(now.contains("in-record-of-processing"), now::toString);

        assertThrows(Exception.class, () -> support.call(() -> record.change(payroll.id(), payroll.version() + 5, payroll.entry())));
        ProcessingEntryView changed = support.call(() -> record.change(payroll.id(), payroll.version(), new ProcessingEntry(
                "Paie, gestion du personnel et formation", "Salariés", "Identité, rémunération", true, false, null, "TLS")));
        assertEquals("Paie, gestion du personnel et formation", changed.entry().processing());
        assertEquals(2, auditor.call(() -> record.of(siren)).size());
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> record.add(siren, payroll.entry())));
        assertThrows(EJBAccessException.class, () -> client.call(() -> record.add(DEMO, payroll.entry())));
        assertThrows(EJBAccessException.class, () -> client.call(() -> record.of(siren)));
        assertTrue(client.call(record::mine).stream().allMatch(e -> e.tenantSiren().equals(DEMO)));
        assertFalse(client.call(record::mine).isEmpty(), "demo data lists the demo company's payroll");
        byte[] whole = auditor.call(record::pdf);
        byte[] part = client.call(record::pdf);
        assertTrue(new String(whole, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-") && part.length > 1000);
        List<JournalEntryView> entries = auditor.call(() -> journal.latest(40));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("PROCESSING_RECORD_CHANGED") && siren.equals(e.tenantRef())));

        // the export: agreements (current and accepted), acceptances and record entries as JSON and CSV
        Map<String, byte[]> files = new LinkedHashMap<>();
        ExportFiles sink = (name, content) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            content.writeTo(out);
            files.put(name, out.toByteArray());
        };
        support.call(() -> {
            export.contribute(siren, sink);
            return null;
        });
        assertEquals("documents", export.folder());
        assertTrue(files.keySet().stream().anyMatch(n -> n.startsWith("agreements/contract-") && n.endsWith("-current.pdf")), files.keySet()::toString);
        String json = new String(files.get("processing-record.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"processing\": \"Facturation des familles\"") && json.contains("\"coversCustomers\": true"), json);
        String csv = new String(files.get("processing-record.csv"), StandardCharsets.UTF_8);
        assertEquals(3, csv.lines().count(), csv);
        assertTrue(files.containsKey("agreement-acceptances.json") && files.containsKey("agreement-acceptances.csv"));
        files.clear();
        client.call(() -> {
            export.contribute(DEMO, sink);
            return null;
        });
        assertTrue(new String(files.get("processing-record.csv"), StandardCharsets.UTF_8).contains("paie"), files.keySet()::toString);
    }

    private RuleResultView r3(String siren) throws Exception {
        ComplianceReport report = support.call(() -> compliance.evaluate(siren));
        return report.rules().stream().filter(r -> r.ruleId().equals("R3-GDPR")).findFirst().orElseThrow();
    }

    private List<String> codes(String siren) throws Exception {
        return r3(siren).findings().stream().map(RuleFinding::code).toList();
    }

    private static TenantDetails with(TenantDetails d, PostalAddress address) {
        return new TenantDetails(d.legalName(), d.siren(), d.siret(), d.vatNumber(), address, d.administrative(), d.billing(),
                d.technical(), d.dataKinds());
    }
}
