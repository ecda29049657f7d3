package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.keys.KeyRing;
import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import fr.gestan.cloud.compliance.api.CertificateBatch;
import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchRunningException;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.compliance.api.CertificateFile;
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import fr.gestan.cloud.compliance.api.CertificateRegistry;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.ComplianceReportJob;
import fr.gestan.cloud.compliance.api.FileVerification;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.compliance.api.ProcessorAgreements;
import fr.gestan.cloud.compliance.api.PublicDocumentView;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.MetricsReceipt;
import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.NewIncident;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.RealmSecurity;
import fr.gestan.cloud.security.api.RealmSecurity.RealmBruteForceView;
import fr.gestan.cloud.compliance.api.ProcessingRecord;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.NewDataCentre;
import fr.gestan.cloud.hosting.api.NewOperator;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.tenants.api.ExportFiles;
import fr.gestan.cloud.tenants.api.TenantExportContributor;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed certificates against the real modules: issue for a compliant tenant (its own operator, two data centres,
 * two servers, set up here through the APIs), refusal when a rule blocks, reissue, revoke, expiry, the journal,
 * client confinement, verification by number and by file, the export contributor, and batch issue.
 */
@ExtendWith(ArquillianExtension.class)
class CertificatesIT extends WithRoleCallers {

    static final String DEMO_CLIENT_SIREN = "842317653";

    @Deployment
    static EnterpriseArchive deployment() {
        // Hibernate's API: the export's statements are counted
        EnterpriseArchive ear = Deployments.withHibernate(Deployments.modules(CertificatesIT.class, "gestan-compliance.jar",
                "gestan-tenants.jar", "gestan-hosting.jar"));
        ear.getAsType(org.jboss.shrinkwrap.api.spec.WebArchive.class, "it.war").addClasses(fr.gestan.cloud.it.support.CaughtMail.class);
        return ear;
    }

    @EJB
    Certificates certificates;
    @EJB
    CertificateRegistry registry;
    @EJB
    CertificateBatch batch;
    @EJB
    ComplianceReportJob reportJob;
    @EJB
    ComplianceEvaluation compliance;
    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;
    @EJB
    HostingInventory inventory;
    @EJB
    ConfidentialityAgreements agreements;
    @EJB
    JournalQuery journal;
    @EJB
    ServerControls controls;
    @EJB(beanName = "CertificateExportContributor") // other modules contribute too
    TenantExportContributor contributor;
    /** Its statements are counted (Hibernate's statistics). */
    @jakarta.persistence.PersistenceUnit(unitName = "compliance")
    jakarta.persistence.EntityManagerFactory complianceUnit;
    @Resource(lookup = "java:jboss/datasources/GestanDS")
    DataSource dataSource;
    /** The schema owner (as an attacker with its rights would edit the journal). */
    @Resource(lookup = "java:jboss/datasources/GestanMigrationDS")
    DataSource ownerDataSource;
    @EJB
    fr.gestan.cloud.security.api.JournalIntegrity journalIntegrity;
    @EJB
    SecurityPolicies policies;
    @EJB
    Monitoring monitoring;
    @EJB
    ServerStatus serverStatus;
    @EJB
    TrustStatement trust;
    @EJB
    ProcessorAgreements processorAgreements;
    @EJB
    ProcessingRecord processingRecord;
    @EJB
    RealmSecurity realm;
    @EJB
    fr.gestan.cloud.notifications.api.NotificationDesk notificationDesk;
    @EJB(beanName = "SigningKeysBean") // each module holding keys has its RotatableKeys
    RotatableKeys signingKeys;

    /**
     * Key rotation (issue 18 item 4): an admin rotates the signing key; the next certificate is signed with the new
     * key (its PDF embeds the new certificate), the one issued before keeps a valid signature and verifies by file as
     * before; journaled; nobody else may rotate.
     */
    @Test
    void a_rotated_signing_key_signs_new_certificates_and_those_signed_before_still_verify() throws Exception {
        CertificateView old = support.call(() -> certificates.issue(compliantTenant()));
        byte[] oldPdf = support.call(() -> certificates.download(old.number())).pdf();
        String oldKey = auditor.call(signingKeys::keys).stream().filter(KeyView::active).map(KeyView::id).findFirst().orElseThrow();
        assertEquals(oldKey, signerId(oldPdf), "the PDF's signature names its key");

        for (var caller : List.of(support, auditor, client)) {
            assertThrows(EJBAccessException.class, () -> caller.call(signingKeys::rotate), "admin only");
        }
        KeyView rotated = admin.call(signingKeys::rotate);
        assertTrue(rotated.active());
        assertNotEquals(oldKey, rotated.id());

        CertificateView fresh = support.call(() -> certificates.issue(compliantTenant()));
        byte[] freshPdf = support.call(() -> certificates.download(fresh.number())).pdf();
        assertEquals(rotated.id(), signerId(freshPdf), "signed with the new key");
        String freshReport = run(freshPdf, "pdfsig");
        assertTrue(freshReport.contains("Signature is Valid.") && freshReport.contains("Total document signed"), freshReport);

        // The certificate signed before the rotation: its signature still holds, and it verifies by number and by file.
        String oldReport = run(oldPdf, "pdfsig");
        assertTrue(oldReport.contains("Signature is Valid.") && oldReport.contains("Total document signed"), oldReport);
        FileVerification byFile = certificates.verifyFile(oldPdf);
        assertTrue(byFile.issuedByUs());
        assertEquals(CertificateStatus.VALID, byFile.certificate().status());
        assertEquals(CertificateStatus.VALID, registry.verify(old.number()).orElseThrow().status());

        List<KeyView> keys = auditor.call(signingKeys::keys);
        KeyView oldView = keys.stream().filter(k -> k.id().equals(oldKey)).findFirst().orElseThrow();
        assertFalse(oldView.active(), "kept for reference, no longer signing");
        assertTrue(oldView.uses() >= 1 && keys.stream().filter(k -> k.id().equals(rotated.id())).findFirst().orElseThrow().uses() >= 1, keys::toString);

        JournalEntryView entry = auditor.call(() -> journal.latest(200)).stream()
                .filter(e -> "KEY_ROTATED".equals(e.action()) && ("certificate-signing:" + rotated.id()).equals(e.target()))
                .findFirst().orElseThrow();
        assertEquals("admin.it", entry.actor());
        assertTrue(entry.reason().contains(oldKey), entry.reason());
    }

    /** The id of the certificate that signed the PDF (its CMS value, zero-padded to its reserved size). */
    static String signerId(byte[] pdf) throws Exception {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            com.lowagie.text.pdf.AcroFields fields = reader.getAcroFields();
            String name = fields.getSignatureTypes().keySet().iterator().next();
            byte[] value = fields.getSignatureDictionary(name).getAsString(com.lowagie.text.pdf.PdfName.CONTENTS).getOriginalBytes();
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(value)) {
                org.bouncycastle.cms.CMSSignedData cms = new org.bouncycastle.cms.CMSSignedData(
                        org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
                org.bouncycastle.cms.SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                Object certificate = cms.getCertificates().getMatches(signer.getSID()).iterator().next();
                return KeyRing.idOf(((org.bouncycastle.cert.X509CertificateHolder) certificate).getEncoded());
            }
        } finally {
            reader.close();
        }
    }

    /**
     * One source of truth: a policy change moves the enforced monitoring thresholds (ingest) and sign-in settings (the
     * Keycloak realm) and every printed figure (/trust in both languages, the processor agreement, the record of
     * processing, the certificate) together.
     */
    @Test
    void a_policy_change_moves_the_enforced_thresholds_and_every_printed_text_together() throws Exception {
        String siren = compliantTenant();
        ServerView server = admin.call(() -> inventory.addServer(new NewServer(Ids.code("THR-"), "DC3", ServerRole.PRODUCTION, null, null)));
        String token = admin.call(() -> inventory.issueMonitoringToken(server.id()));
        PolicySettings before = policies.current().settings();
        // 1 point below each threshold of the policy in effect: not exceeded
        MetricSample sample = new MetricSample(BigDecimal.valueOf(before.monitorCpuPercent() - 1), BigDecimal.valueOf(before.monitorDiskPercent() - 1),
                BigDecimal.valueOf(before.monitorMemoryPercent() - 1), Instant.now());
        assertEquals(List.of(), monitoring.ingest(server.id(), token, sample).exceeded());

        int cpu = before.monitorCpuPercent() - 5;
        int disk = before.monitorDiskPercent() - 5;
        int memory = before.monitorMemoryPercent() - 5;
        int idle = before.sessionTimeoutMinutes() + 5;
        int longest = before.sessionMaxHours() + 1;
        int length = before.passwordMinLength() + 1;
        int history = before.passwordHistory() + 1;
        admin.call(() -> policies.change(before.withMonitoring(cpu, disk, memory).withSignIn(idle, longest, length, history), null,
                "thresholds test"));
        try {
            // the sign-in settings are enforced by Keycloak: the new version reaches the realm by itself
            RealmBruteForceView pushed = auditor.call(realm::bruteForce);
            for (int i = 0; i < 60 && pushed.ssoSessionIdleSeconds() != idle * 60; i++) {
                Thread.sleep(500);
                pushed = auditor.call(realm::bruteForce);
            }
            assertTrue(pushed.inLine(), pushed::toString);
            assertEquals(longest * 3600, pushed.ssoSessionMaxSeconds());
            assertTrue(pushed.passwordPolicy().contains("length(" + length + ")") && pushed.passwordPolicy().contains("passwordHistory(" + history + ")"),
                    pushed::passwordPolicy);

            MetricsReceipt receipt = monitoring.ingest(server.id(), token, sample);
            assertEquals(List.of("cpu", "disk", "memory"), receipt.exceeded(), "the same measurement now exceeds the new policy's thresholds");
            assertEquals(ServerState.DEGRADED_PERFORMANCE, receipt.state());

            String fr = text(trust.statement("fr"));
            String en = text(trust.statement("en"));
            assertTrue(fr.contains(cpu + " % de processeur, " + disk + " % de disque et " + memory + " % de mémoire"), fr);
            assertTrue(en.contains(cpu + "% CPU, " + disk + "% disk and " + memory + "% memory"), en);
            assertTrue(fr.contains("fermées après " + idle + " minutes, et toute session après " + longest + " heures"), fr);
            assertTrue(fr.contains("au moins " + length + " caractères") && fr.contains("des " + history + " derniers mots de passe"), fr);
            assertTrue(en.contains("closed after " + idle + " minutes, and every session after " + longest + " hours"), en);

            var agreement = support.call(() -> processorAgreements.of(siren)).get(0);
            String agreementText = run(support.call(() -> processorAgreements.document(siren, agreement.contractId())), "pdftotext", "-enc", "UTF-8")
                    .replaceAll("\\s+", " ");
            assertTrue(agreementText.contains(cpu + " % de processeur, " + disk + " % de disque et " + memory + " % de mémoire"), agreementText);
            assertTrue(agreementText.contains("Sessions fermées après " + idle + " minutes d'inactivité, et après " + longest + " heures au plus"),
                    agreementText);
            assertTrue(agreementText.contains("au moins " + length + " caractères"), agreementText);

            // the record of processing prints the processor's measures from the same policy (art. 30(2)(d))
            String recordText = run(support.call(() -> processingRecord.pdf()), "pdftotext", "-enc", "UTF-8").replaceAll("\\s+", " ");
            assertTrue(recordText.contains(cpu + " % de processeur, " + disk + " % de disque et " + memory + " % de mémoire"), recordText);
            assertTrue(recordText.contains("Sessions fermées après " + idle + " minutes"), recordText);

            CertificateView issued = support.call(() -> certificates.issue(siren));
            String certificate = run(support.call(() -> certificates.download(issued.number())).pdf(), "pdftotext", "-enc", "UTF-8")
                    .replaceAll("\\s+", " ");
            assertTrue(certificate.contains(cpu + "\u202F% / " + disk + "\u202F% / " + memory + "\u202F%")
                    || certificate.contains(cpu + " % / " + disk + " % / " + memory + " %"), certificate);
            assertTrue(certificate.contains(longest + "\u00A0h") || certificate.contains(longest + " h"), certificate);
            assertTrue(certificate.contains(length + " / " + history), certificate);
        } finally {
            admin.call(() -> policies.change(policies.current().settings().withMonitoring(before.monitorCpuPercent(),
                    before.monitorDiskPercent(), before.monitorMemoryPercent()).withSignIn(before.sessionTimeoutMinutes(),
                    before.sessionMaxHours(), before.passwordMinLength(), before.passwordHistory()), null, "thresholds test: back"));
        }
        assertEquals(List.of(), monitoring.ingest(server.id(), token, sample).exceeded(), "back to the former thresholds");
    }

    @Test
    void the_certificate_prints_each_contracts_availability_from_the_figures_the_dashboard_shows() throws Exception {
        String siren = compliantTenant();
        ContractView contract = monitoredContract(siren);
        Thread.sleep(2_000); // at least two whole seconds in service (a server commissioned this very second has no figure yet)
        AvailabilityView shown = support.call(() -> serverStatus.availabilityOf(siren)).get(0);
        assertEquals(contract.id(), shown.contractId());
        assertEquals(100.0, shown.month().availabilityPercent(), shown::toString);
        assertEquals(0, shown.year().unmonitoredSeconds(), "the year before the server existed is not unmonitored: " + shown);
        assertTrue(shown.year().notInServiceDays() >= 364, "nor up: not applicable: " + shown);
        // one computation, kept: read again, the same figures (not computed again per view)
        assertEquals(shown.computedAt(), support.call(() -> serverStatus.availabilityOf(siren)).get(0).computedAt());

        CertificateView issued = support.call(() -> certificates.issue(siren));
        String text = run(support.call(() -> certificates.download(issued.number())).pdf(), "pdftotext", "-enc", "UTF-8")
                .replace('\u202F', ' ').replaceAll("\\s+", " ");
        assertTrue(text.contains("Disponibilité relevée par les serveurs / Availability reported by the servers"), text);
        assertTrue(text.contains("n° " + contract.id()) && text.contains(shown.server()), text);
        assertTrue(text.contains("100,00 % non surveillé / unmonitored 0,00 %"), text);
        assertTrue(text.contains("before commissioning " + shown.year().notInServiceDays() + " j/d"), text);
        // the same computation as the dashboard's, not one of its own
        assertTrue(text.contains("Calculée le / computed on " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .withZone(java.time.ZoneId.of("Europe/Paris")).format(shown.computedAt())), text);
        // a processor agreement states the encryption from the running configuration (not read without the web module)
        var agreement = support.call(() -> processorAgreements.of(siren)).get(0);
        String agreementText = run(support.call(() -> processorAgreements.document(siren, agreement.contractId())), "pdftotext", "-enc", "UTF-8")
                .replaceAll("\\s+", " ");
        assertFalse(agreementText.contains("Chiffrement HTTPS/TLS de tous les échanges."), "no fixed text");
        assertTrue(agreementText.contains("configuration des transmissions de ce serveur n'a pas été relevée")
                || agreementText.contains("de tous les échanges, relevé sur le serveur en fonctionnement"), agreementText);
    }

    /**
     * A server's availability counts its own incidents, read by server (ServerAvailabilityStore read every incident of
     * the year with their servers to keep its own): a critical incident on another server (the contract's backup)
     * leaves the production server's figure whole; one on the production server itself brings it down.
     */
    @Test
    void a_servers_availability_counts_its_own_incidents_and_not_another_servers() throws Exception {
        String siren = compliantTenant();
        ContractView contract = monitoredContract(siren);
        List<Long> opened = new ArrayList<>();
        try {
            opened.add(support.call(() -> serverStatus.openIncident(new NewIncident("Panne du secours", IncidentImpact.CRITICAL,
                    "Serveur de secours arrêté.", java.util.Set.of(contract.backupServerId())))).id());
            Thread.sleep(2_000); // down for two seconds, if it counted
            AvailabilityView untouched = support.call(() -> serverStatus.availabilityOf(siren)).get(0);
            assertEquals(0, untouched.month().downSeconds(), untouched::toString);
            assertEquals(100.0, untouched.month().availabilityPercent(), untouched::toString);

            opened.add(support.call(() -> serverStatus.openIncident(new NewIncident("Panne de production", IncidentImpact.CRITICAL,
                    "Serveur de production arrêté.", java.util.Set.of(contract.productionServerId())))).id());
            Thread.sleep(2_000);
            AvailabilityView down = support.call(() -> serverStatus.availabilityOf(siren)).get(0);
            assertTrue(down.month().downSeconds() >= 1 && down.year().downSeconds() >= 1, down::toString);
            assertTrue(down.month().availabilityPercent() < 100.0, down::toString);
        } finally {
            for (long id : opened) {
                support.call(() -> serverStatus.postUpdate(id, IncidentState.RESOLVED, "Rétabli."));
            }
        }
    }

    /** The tenant's contract, its production server monitored since before it was commissioned (moments ago). */
    private ContractView monitoredContract(String siren) throws Exception {
        ContractView contract = support.call(() -> contracts.list(siren, 0, 10)).get(0);
        String token = admin.call(() -> inventory.issueMonitoringToken(contract.productionServerId()));
        // a measurement taken 20 minutes ago covers the whole time since the server was commissioned
        monitoring.ingest(contract.productionServerId(), token, new MetricSample(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                Instant.now().minusSeconds(1200)));
        return contract;
    }

    private boolean postgres() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** PostgreSQL's plan of a statement, sequential scans switched off for this connection only. */
    private String plan(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            try (var rs = s.executeQuery("explain " + sql)) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                s.execute("reset enable_seqscan"); // the connection goes back to the pool
            }
        }
    }

    /** Edits the certificate's issuing entry as the schema owner, the append-only trigger switched off (PostgreSQL). */
    private void editIssuingEntry(String number, String newReason) throws Exception {
        fr.gestan.cloud.it.support.JournalTamper.run(ownerDataSource, "update journal_entry set reason = " + newReason
                + " where action = 'CERTIFICATE_ISSUED' and target = '" + number + "'");
    }

    private static String text(PublicDocumentView document) {
        StringBuilder all = new StringBuilder();
        document.sections().forEach(section -> section.paragraphs().forEach(p -> all.append(p).append('\n')));
        return all.toString();
    }

    /** A tenant hosted by a European operator in two distinct French data centres: no rule can fail for it. */
    String compliantTenant() throws Exception {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String operator = "Hébergement Souverain " + suffix + " SAS";
        admin.call(() -> inventory.addOperator(new NewOperator(operator, "SAS", "FR", null, null, BigDecimal.ZERO, BigDecimal.ZERO)));
        String siren = tenantOn(operator, suffix, "Pâtisserie Élodie " + suffix);
        clearSupportStaff();
        ComplianceReport report = support.call(() -> compliance.evaluate(siren));
        assertFalse(report.blocked(), () -> "the test tenant should pass: " + report.blockingFindings());
        return siren;
    }

    private String tenantOn(String operator, String suffix, String name) throws Exception {
        return tenantOn(operator, suffix, name, true);
    }

    /** {@code evidence}: whether the production server's snapshot and update are recorded (else R6 lacks our evidence). */
    private String tenantOn(String operator, String suffix, String name, boolean evidence) throws Exception {
        String prod = "CP" + suffix;
        String backup = "CB" + suffix;
        LocalDate expires = LocalDate.now(ZoneId.of("Europe/Paris")).plusYears(2);
        admin.call(() -> inventory.addDataCentre(new NewDataCentre(prod, "Saint-Étienne", "FR", operator)));
        admin.call(() -> inventory.addDataCentre(new NewDataCentre(backup, "Besançon", "FR", operator)));
        admin.call(() -> inventory.addCertification(prod, "ISO/IEC 27001", "AFNOR Certification", expires));
        admin.call(() -> inventory.addCertification(backup, "ISO/IEC 27001", "AFNOR Certification", expires));
        ServerView p = admin.call(() -> inventory.addServer(new NewServer("CERT-P-" + suffix, prod, ServerRole.PRODUCTION, null, 10)));
        ServerView b = admin.call(() -> inventory.addServer(new NewServer("CERT-B-" + suffix, backup, ServerRole.BACKUP, null, 10)));
        // rule R6: the production server's backups are on time and verified
        support.call(() -> controls.recordBackup(p.name(), Instant.now().minusSeconds(3600), 5_000_000_000L, backup, true));
        if (evidence) {
            // and the last update came after its snapshot: without this evidence of ours no certificate is issued
            support.call(() -> controls.recordSnapshot(p.name(), "snap-" + suffix, Instant.now().minusSeconds(7200)));
            support.call(() -> controls.recordSoftwareUpdate(p.name(), "snap-" + suffix, Instant.now().minusSeconds(7000), "openssl"));
        }
        String siren = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal(name, siren)));
        var contract = support.call(() -> contracts.create(new NewContract(siren, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null, true,
                ServiceLevel.PREMIUM, p.id(), b.id(), 25)));
        support.call(() -> contracts.activate(contract.id()));
        return siren;
    }

    /** Rule R7 fails for everyone while a support member has no valid agreement (test database). */
    private void clearSupportStaff() throws Exception {
        SupportClearance.clearEverySupportMember(agreements, admin);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String run(byte[] pdf, String... command) throws Exception {
        Path file = Files.createTempFile("certificate", ".pdf");
        try {
            Files.write(file, pdf);
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.add(file.toString());
            if ("pdftotext".equals(command[0])) {
                args.add("-");
            }
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static byte[] oneByteChanged(byte[] pdf) {
        byte[] copy = pdf.clone();
        String latin = new String(pdf, StandardCharsets.ISO_8859_1);
        int i = latin.indexOf('(', latin.indexOf("/Producer")) + 2;
        copy[i] = (byte) (copy[i] == 'x' ? 'y' : 'x');
        return copy;
    }

    /** Refused by the bean itself: an EJBAccessException, wrapped when the caller's transaction is rolled back. */
    static void assertAccessDenied(EJBException e) {
        assertTrue(e instanceof EJBAccessException || e.getCause() instanceof EJBAccessException
                || String.valueOf(e.getMessage()).contains("only"), e::toString);
    }

    private List<JournalEntryView> journalOf(String siren) throws Exception {
        return auditor.call(() -> journal.ofTenant(siren, 0, 100));
    }

    @Test
    void a_compliant_tenant_gets_a_signed_certificate_that_anyone_can_verify_by_number_and_by_file() throws Exception {
        String siren = compliantTenant();
        CertificateView issued = support.call(() -> certificates.issue(siren));

        assertTrue(issued.number().matches("GC-\\d{4}-\\d{6}"), issued.number());
        assertEquals(CertificateStatus.VALID, issued.status());
        assertEquals("support.it", issued.issuedBy());
        assertTrue(issued.tenantName().startsWith("Pâtisserie Élodie"));
        assertEquals(365, java.time.Duration.between(issued.issuedAt(), issued.validUntil()).toDays());

        CertificateFile file = support.call(() -> certificates.download(issued.number()));
        assertEquals("attestation-" + issued.number() + ".pdf", file.fileName());
        assertEquals(issued.sha256(), sha256(file.pdf()));
        assertEquals(file.pdf().length, issued.sizeBytes());

        // independent tools: poppler reads the text and verifies the signature
        String text = run(file.pdf(), "pdftotext", "-enc", "UTF-8");
        assertTrue(text.contains(issued.tenantName()), text);
        assertTrue(text.contains("Saint-Étienne") && text.contains("Besançon") && text.contains("Hébergement Souverain"), text);
        assertTrue(text.contains("/verify?number=" + issued.number()), text);
        String signature = run(file.pdf(), "pdfsig");
        assertTrue(signature.contains("Signature is Valid.") && signature.contains("Total document signed"), signature);
        // the journal checkpoint it prints is kept for ever by the checkpoint retention (pinned)
        java.util.regex.Matcher head = java.util.regex.Pattern.compile("Head hash \\(SHA-256\\)\\s*:\\s*([0-9a-f\\s]{64,})").matcher(text);
        assertTrue(head.find(), text);
        String root = head.group(1).replaceAll("\\s", "").substring(0, 64); // pdftotext may wrap the line
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from journal_log_checkpoint where root_hash = ? and pinned")) {
            q.setString(1, root);
            try (var rs = q.executeQuery()) {
                rs.next();
                assertTrue(rs.getLong(1) >= 1, "the certificate's checkpoint " + root + " is pinned");
            }
        }

        // /verify's journal part: the issuing entry recorded the PDF's SHA-256 and its inclusion proof holds; once the
        // entry is edited in SQL the proof fails (public: position and proof only, nothing about the actor)
        admin.call(journalIntegrity::checkpointNow);
        var issuing = registry.issuing(issued.number()).orElseThrow();
        assertTrue(issuing.proofValid(), issuing::toString);
        assertEquals(issued.sha256(), issuing.recordedPdfSha256());
        assertTrue(issuing.confirms(issued.sha256()));
        assertFalse(issuing.confirms(sha256(oneByteChanged(file.pdf()))));
        assertTrue(issuing.position() < issuing.treeSize() && !issuing.proof().isEmpty());
        assertEquals(java.util.Optional.empty(), registry.issuing("GC-1999-000001"));
        if (postgres()) {
            // found through the index on the target: without it the whole journal was scanned at each /verify (115 ms
            // at 610,000 entries). Seq scans off: a journal this small would be scanned anyway.
            String plan = plan(fr.gestan.cloud.security.internal.JournalProofsBean.ISSUING_ENTRY
                    .replaceFirst("\\?", "'" + issued.number() + "'"));
            assertTrue(plan.contains("journal_entry_target_ix"), plan);
            // and in the one statement that /verify runs for the entry and its position (docs/performance.md 4.37)
            String withPosition = plan(fr.gestan.cloud.security.internal.JournalProofsBean.ISSUING_ENTRY_AND_POSITION
                    .replaceFirst("\\?", "'" + issued.number() + "'"));
            assertTrue(withPosition.contains("journal_entry_target_ix") && withPosition.contains("journal_leaf_entry_ux"), withPosition);
        }
        if (postgres()) { // the owner switches the append-only trigger off (H2's Java trigger cannot be)
            editIssuingEntry(issued.number(), "reason || ' edited'");
            try {
                var edited = registry.issuing(issued.number()).orElseThrow();
                assertFalse(edited.proofValid(), "an edited issuing entry no longer leads to the signed root");
                assertFalse(edited.confirms(issued.sha256()));
                assertFalse(registry.check(issued.number()).orElseThrow().issuing().proofValid(), "/verify?number= says so too");
            } finally {
                editIssuingEntry(issued.number(), "substr(reason, 1, length(reason) - 7)");
            }
            assertTrue(registry.issuing(issued.number()).orElseThrow().proofValid(), "restored");
        }

        // verification by number: public (no caller), nothing confidential, not even the company (numbers are
        // sequential: walking them listed every client's name and SIREN)
        CertificateStatusView byNumber = registry.verify(issued.number()).orElseThrow();
        assertEquals(CertificateStatus.VALID, byNumber.status());
        assertEquals(null, byNumber.tenantName());
        assertEquals(null, byNumber.tenantSiren());

        // /verify?number=: status and proof with one look-up of the number (issue 19, docs/performance.md 4.21), the
        // same answers as verify and issuing, one statement of the compliance unit fewer than the two calls
        var check = registry.check(issued.number().toLowerCase()).orElseThrow();
        assertEquals(byNumber, check.status(), "no company either");
        assertEquals(issued.number(), check.issuing().certificateNumber());
        assertEquals(issuing.position(), check.issuing().position());
        assertTrue(check.issuing().proofValid() && check.issuing().confirms(issued.sha256()), check::toString);
        assertEquals(java.util.Optional.empty(), registry.check("GC-1999-000001"));
        long checkStatements = complianceStatements(() -> registry.check(issued.number()).orElseThrow());
        long twoCalls = complianceStatements(() -> registry.verify(issued.number()).flatMap(v -> registry.issuing(v.number())).orElseThrow());
        assertEquals(twoCalls - 1, checkStatements, "check " + checkStatements + ", verify then issuing " + twoCalls);

        // verification by file: this exact file, or not ours
        FileVerification exact = certificates.verifyFile(file.pdf());
        assertTrue(exact.issuedByUs());
        assertEquals(issued.number(), exact.certificate().number());
        assertEquals(issued.tenantName(), exact.certificate().tenantName(), "the holder of the file sees the company");
        byte[] altered = oneByteChanged(file.pdf());
        assertFalse(certificates.verifyFile(altered).issuedByUs());
        assertTrue(run(altered, "pdfsig").contains("Digest Mismatch."));

        List<JournalEntryView> entries = journalOf(siren);
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_ISSUED") && issued.number().equals(e.target())
                && e.actor().equals("support.it")), entries::toString);
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_DOWNLOADED") && issued.number().equals(e.target())), entries::toString);

        // the registry lists it, filtered in the database; auditors may list
        List<CertificateView> valid = auditor.call(() -> certificates.search(siren, CertificateStatus.VALID, 0, 10));
        assertEquals(List.of(issued.number()), valid.stream().map(CertificateView::number).toList());
        assertEquals(1L, auditor.call(() -> certificates.count(siren, null)));
        assertEquals(0L, auditor.call(() -> certificates.count(siren, CertificateStatus.REVOKED)));
    }

    @Test
    void a_blocking_rule_refuses_the_certificate_and_says_why() throws Exception {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String operator = "Cloudy " + suffix + " Inc.";
        admin.call(() -> inventory.addOperator(new NewOperator(operator, "Inc.", "US", null, null, new BigDecimal("100"), new BigDecimal("100"))));
        String siren = tenantOn(operator, suffix, "Quincaillerie Noël " + suffix);

        CertificateRefusedException refused = assertThrows(CertificateRefusedException.class, () -> support.call(() -> certificates.issue(siren)));
        assertEquals(CertificateRefusedException.Reason.BLOCKED, refused.reason());
        assertTrue(refused.findings().stream().map(RuleFinding::ruleId).anyMatch("R4-SECNUMCLOUD-19.6"::equals), refused.findings()::toString);
        assertEquals(0L, auditor.call(() -> certificates.count(siren, null)));
        assertTrue(journalOf(siren).stream().anyMatch(e -> e.action().equals("CERTIFICATE_ISSUE_REFUSED") && e.outcome().equals("REFUSED")
                && e.reason().contains("R4-SECNUMCLOUD-19.6")));

        // a tenant without any contract has nothing to certify
        String bare = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal("Sans Contrat SARL", bare)));
        clearSupportStaff();
        CertificateRefusedException none = assertThrows(CertificateRefusedException.class, () -> support.call(() -> certificates.issue(bare)));
        assertEquals(CertificateRefusedException.Reason.NO_CONTRACT, none.reason());
    }

    @Test
    void reissue_supersedes_the_old_number_and_revoke_needs_a_reason() throws Exception {
        String siren = compliantTenant();
        CertificateView first = support.call(() -> certificates.issue(siren));
        CertificateView second = admin.call(() -> certificates.reissue(first.number()));

        assertNotEquals(first.number(), second.number());
        assertEquals(first.number(), second.supersedes());
        CertificateStatusView old = registry.verify(first.number()).orElseThrow();
        assertEquals(CertificateStatus.REVOKED, old.status());
        assertEquals(second.number(), old.supersededBy());
        assertEquals(CertificateStatus.VALID, registry.verify(second.number()).orElseThrow().status());

        EJBException noReason = assertThrows(EJBException.class, () -> support.call(() -> certificates.revoke(second.number(), " ")));
        Throwable cause = noReason;
        while (cause != null && !(cause instanceof jakarta.validation.ConstraintViolationException)) {
            cause = cause.getCause();
        }
        assertTrue(cause != null, noReason::toString);
        assertEquals(CertificateStatus.VALID, registry.verify(second.number()).orElseThrow().status());
        CertificateView revoked = support.call(() -> certificates.revoke(second.number(), "Contrat résilié"));
        assertEquals(CertificateStatus.REVOKED, revoked.status());
        assertEquals("Contrat résilié", revoked.revocationReason());
        assertEquals(CertificateRefusedException.Reason.ALREADY_REVOKED, assertThrows(CertificateRefusedException.class,
                () -> support.call(() -> certificates.revoke(second.number(), "encore"))).reason());
        assertEquals(CertificateRefusedException.Reason.ALREADY_REVOKED, assertThrows(CertificateRefusedException.class,
                () -> support.call(() -> certificates.reissue(second.number()))).reason());

        // the revoked file is still recognised as ours, with its status
        byte[] pdf = support.call(() -> certificates.download(second.number())).pdf();
        assertEquals(CertificateStatus.REVOKED, certificates.verifyFile(pdf).certificate().status());

        List<JournalEntryView> entries = journalOf(siren);
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_REISSUED") && second.number().equals(e.target())
                && e.actor().equals("admin.it")), entries::toString);
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_REVOKED") && second.number().equals(e.target())
                && "Contrat résilié".equals(e.reason())), entries::toString);
        assertEquals(2L, auditor.call(() -> certificates.count(siren, CertificateStatus.REVOKED)));
    }

    @Test
    void a_certificate_past_its_validity_is_expired() throws Exception {
        String siren = compliantTenant();
        CertificateView issued = support.call(() -> certificates.issue(siren));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update certificate_record set issued_at = issued_at - interval '400' day, "
                     + "valid_until = valid_until - interval '400' day where number = ?")) {
            s.setString(1, issued.number());
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(CertificateStatus.EXPIRED, registry.verify(issued.number()).orElseThrow().status());
        assertEquals(List.of(issued.number()), auditor.call(() -> certificates.search(siren, CertificateStatus.EXPIRED, 0, 10))
                .stream().map(CertificateView::number).toList());
        assertEquals(0L, auditor.call(() -> certificates.count(siren, CertificateStatus.VALID)));
        byte[] pdf = support.call(() -> certificates.download(issued.number())).pdf();
        assertEquals(CertificateStatus.EXPIRED, certificates.verifyFile(pdf).certificate().status());
    }

    @Test
    void roles_and_client_confinement() throws Exception {
        String siren = compliantTenant();
        CertificateView other = support.call(() -> certificates.issue(siren));

        assertThrows(EJBAccessException.class, () -> auditor.call(() -> certificates.issue(siren)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> certificates.issue(siren)));
        assertThrows(EJBAccessException.class, () -> certificates.issue(siren));
        assertThrows(EJBAccessException.class, () -> client.call(() -> certificates.revoke(other.number(), "why not")));
        assertThrows(EJBAccessException.class, () -> client.call(() -> certificates.search(null, null, 0, 10)));

        // client.demo works for the demo company: another tenant's number is refused, and journaled as refused
        assertAccessDenied(assertThrows(EJBException.class, () -> client.call(() -> certificates.download(other.number()))));
        assertTrue(client.call(() -> certificates.mine()).stream().noneMatch(c -> c.number().equals(other.number())));
        assertTrue(auditor.call(() -> journal.latest(50)).stream().anyMatch(e -> e.action().equals("CERTIFICATE_DOWNLOAD_REFUSED")
                && other.number().equals(e.target()) && e.actor().equals("client.demo")));

        // its own company's certificate it lists and downloads (when the demo company passes the rules on this database)
        clearSupportStaff();
        ComplianceReport demo = support.call(() -> compliance.evaluate(DEMO_CLIENT_SIREN));
        if (!demo.blocked() && demo.ourMissingEvidence().isEmpty()) {
            CertificateView own = support.call(() -> certificates.issueSuperseding(DEMO_CLIENT_SIREN));
            assertEquals(own.number(), client.call(() -> certificates.mine()).get(0).number());
            CertificateFile file = client.call(() -> certificates.download(own.number()));
            assertEquals(own.sha256(), sha256(file.pdf()));
        } else {
            System.out.println("Demo company blocked on this database, client download of its own not checked: " + demo.blockingFindings()
                    + demo.ourMissingEvidence());
        }
    }

    @Test
    void the_export_holds_each_pdf_as_issued_with_json_and_csv_and_is_confined() throws Exception {
        String siren = compliantTenant();
        CertificateView a = support.call(() -> certificates.issue(siren));
        CertificateView b = support.call(() -> certificates.reissue(a.number()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        ExportFiles sink = (name, content) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            content.writeTo(out);
            files.put(name, out.toByteArray());
        };
        assertEquals("certificates", contributor.folder());
        support.call(() -> {
            contributor.contribute(siren, sink);
            return null;
        });
        assertEquals(a.sha256(), sha256(files.get(a.fileName())));
        assertEquals(b.sha256(), sha256(files.get(b.fileName())));
        String json = new String(files.get("certificates.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"number\":\"" + b.number() + "\"") && json.contains("\"status\":\"REVOKED\"") && json.contains(a.sha256()), json);
        String csv = new String(files.get("certificates.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("number;issued_at;valid_until;status") && csv.contains(b.number() + ";") && csv.contains(";VALID;"), csv);
        assertNull(files.get("nothing"));

        assertAccessDenied(assertThrows(EJBException.class, () -> client.call(() -> {
            contributor.contribute(siren, sink);
            return null;
        })));
        assertArrayEquals(files.get(a.fileName()), support.call(() -> certificates.download(a.number())).pdf());
    }

    /**
     * The export reads its certificates a page of 100 at a time, each page with its PDFs in one statement (it took two
     * statements per certificate: 2,000 for 1,000): a tenant's certificates (stored here as rows, 5 then 250) in the
     * same number of statements per page, every PDF as stored and listed in issue order.
     */
    @Test
    void the_export_reads_its_certificates_a_page_per_statement_whatever_their_number() throws Exception {
        String siren = Ids.siren();
        String prefix = "XP" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000) + "-";
        Map<String, byte[]> stored = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("number;issued_at;valid_until;status;revoked_at;revocation_reason;superseded_by;sha256\r\n");
        try {
            storeCertificates(siren, prefix, 0, 5, stored, csv);
            long few = exportStatements(siren, stored, csv.toString());
            storeCertificates(siren, prefix, 5, 250, stored, csv);
            long many = exportStatements(siren, stored, csv.toString());
            System.out.println("CertificatesIT: the export's statements, 5 certificates: " + few + ", 250 certificates: " + many);
            assertEquals(1, few, "5 certificates: one page, one statement");
            assertEquals(3, many, "250 certificates: pages of 100, 100 and 50, a statement each");
        } finally {
            try (Connection c = ownerDataSource.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("delete from certificate_document where number like '" + prefix + "%'");
                s.executeUpdate("delete from certificate_record where number like '" + prefix + "%'");
            }
        }
    }

    /** Certificates {@code from} to {@code to - 1} of a tenant, stored as the registry stores them (a record, a PDF). */
    private void storeCertificates(String siren, String prefix, int from, int to, Map<String, byte[]> stored, StringBuilder csv)
            throws Exception {
        Instant issued = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (Connection c = ownerDataSource.getConnection();
             PreparedStatement record = c.prepareStatement("insert into certificate_record (number, tenant_siren, sha256, issued_at,"
                     + " valid_until, tenant_name, issued_by) values (?, ?, ?, ?, ?, 'Export Paginé SAS', 'support.it')");
             PreparedStatement document = c.prepareStatement("insert into certificate_document (number, pdf, size_bytes) values (?, ?, ?)")) {
            for (int i = from; i < to; i++) {
                String number = prefix + String.format("%04d", i);
                byte[] pdf = ("%PDF-1.7 certificate " + number + " " + "x".repeat(i)).getBytes(StandardCharsets.US_ASCII);
                Instant until = issued.plus(java.time.Duration.ofDays(365));
                record.setString(1, number);
                record.setString(2, siren);
                record.setString(3, sha256(pdf));
                record.setObject(4, OffsetDateTime.ofInstant(issued, ZoneOffset.UTC));
                record.setObject(5, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
                record.executeUpdate();
                document.setString(1, number);
                document.setBytes(2, pdf);
                document.setInt(3, pdf.length);
                document.executeUpdate();
                stored.put(number, pdf);
                csv.append(String.join(";", number, issued.toString(), until.toString(), "VALID", "", "", "", sha256(pdf))).append("\r\n");
            }
        }
    }

    /** The compliance unit's statements of a call, the fewest of three (its timers may run meanwhile). */
    private long complianceStatements(java.util.concurrent.Callable<?> call) throws Exception {
        org.hibernate.stat.Statistics statistics = complianceUnit.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = statistics.getPrepareStatementCount();
            call.call();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    /**
     * The compliance unit's statements of a tenant's export (the fewest of three: its timers may run meanwhile), each
     * export holding every stored PDF as stored and the list in issue order.
     */
    private long exportStatements(String siren, Map<String, byte[]> stored, String expectedCsv) throws Exception {
        org.hibernate.stat.Statistics statistics = complianceUnit.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            ExportFiles sink = (name, content) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                content.writeTo(out);
                files.put(name, out.toByteArray());
            };
            long before = statistics.getPrepareStatementCount();
            support.call(() -> {
                contributor.contribute(siren, sink);
                return null;
            });
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
            assertEquals(stored.size() + 2, files.size(), files.keySet()::toString);
            stored.forEach((number, pdf) -> assertArrayEquals(pdf, files.get("attestation-" + number + ".pdf"), number));
            assertEquals(expectedCsv, new String(files.get("certificates.csv"), StandardCharsets.UTF_8));
            String json = new String(files.get("certificates.json"), StandardCharsets.UTF_8);
            assertEquals(List.copyOf(stored.keySet()), java.util.regex.Pattern.compile("\"number\":\"([^\"]+)\"").matcher(json).results()
                    .map(m -> m.group(1)).toList(), "listed in issue order");
        }
        return fewest;
    }

    @Test
    void a_batch_certifies_each_tenant_the_stored_report_shows_unblocked_once_and_never_on_stale_evidence() throws Exception {
        String fresh = compliantTenant();
        String holder = compliantTenant();
        CertificateView held = support.call(() -> certificates.issue(holder));
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String usOperator = "Cloudy " + suffix + " Inc.";
        admin.call(() -> inventory.addOperator(new NewOperator(usOperator, "Inc.", "US", null, null, new BigDecimal("100"), new BigDecimal("100"))));
        String blocked = tenantOn(usOperator, suffix, "Quincaillerie Noël " + suffix);
        String staleSuffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String takenOver = "Hébergement Racheté " + staleSuffix + " SAS";
        admin.call(() -> inventory.addOperator(new NewOperator(takenOver, "SAS", "FR", null, null, BigDecimal.ZERO, BigDecimal.ZERO)));
        String stale = tenantOn(takenOver, staleSuffix, "Mercerie Zoé " + staleSuffix);
        String unhosted = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal("Librairie Anaïs " + staleSuffix, unhosted)));
        storeTheComplianceReport();
        // passed when the report was stored, no longer at issue: its operator was bought by a US group since
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update hosting_operator set head_office_country = 'US', largest_non_eu_share = 100, "
                     + "total_non_eu_share = 100 where legal_name = ?")) {
            s.setString(1, takenOver);
            assertEquals(1, s.executeUpdate());
        }

        java.nio.file.Path serverLog = java.nio.file.Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        long logBefore = java.nio.file.Files.size(serverLog);
        List<CertificateBatchTally> seen = new CopyOnWriteArrayList<>();
        List<Class<?>> secondStart = new CopyOnWriteArrayList<>();
        CertificateBatchTally tally = support.call(() -> batch.run(t -> {
            seen.add(t);
            if (seen.size() == 1) { // one batch at a time: a second start while this one runs is refused
                try {
                    batch.run(x -> { });
                } catch (CertificateBatchRunningException | RuntimeException e) {
                    secondStart.add(e.getClass());
                }
            }
        }));

        assertEquals(List.of(CertificateBatchRunningException.class), secondStart);
        // the batch's workers (managed executor threads) leave no JDBC connection open past their transactions: an
        // unclosed result stream was released only at the transaction's end, which IronJacamar logged as IJ000311
        try (java.io.RandomAccessFile log = new java.io.RandomAccessFile(serverLog.toFile(), "r")) {
            log.seek(logBefore);
            byte[] appended = new byte[(int) (log.length() - logBefore)];
            log.readFully(appended);
            String text = new String(appended, java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(text.contains("IJ000311"), () -> text.lines().filter(l -> l.contains("IJ000311")).findFirst().orElse(""));
        }
        assertEquals(tally.considered(), seen.size(), "the progress is told after each tenant");
        assertEquals(tally, seen.get(seen.size() - 1));
        assertEquals(tally.considered(), tally.issued() + tally.alreadyValid() + tally.withoutContract() + tally.refused() + tally.refusedEvidence());
        assertTrue(tally.issued() >= 1 && tally.alreadyValid() >= 1 && tally.withoutContract() >= 1 && tally.refused() >= 1, tally::toString);
        List<CertificateView> issued = auditor.call(() -> certificates.search(fresh, CertificateStatus.VALID, 0, 10));
        assertEquals(1, issued.size(), issued::toString);
        assertEquals("support.it", issued.get(0).issuedBy());
        assertEquals(List.of(held.number()), auditor.call(() -> certificates.search(holder, null, 0, 10)).stream().map(CertificateView::number).toList());
        assertEquals(0L, auditor.call(() -> certificates.count(blocked, null)), "blocked in the stored report: not even tried");
        assertEquals(0L, auditor.call(() -> certificates.count(stale, null)), "refused at issue, not certified on the stored report");
        assertTrue(tally.refusedSirens().size() < CertificateBatchTally.REFUSED_SHOWN ? tally.refusedSirens().contains(stale)
                : tally.refused() >= 1, tally::toString);
        // issue 19: the batch takes its numbers from the sequence a page at a time; as when each certificate took its
        // own, every number is used once, one after the other (the refused tenant leaves none unused in between)
        List<Long> numbers = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select number from certificate_record where issued_by = 'support.it' and number > ?"
                     + " order by number")) {
            q.setString(1, held.number());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    numbers.add(Long.parseLong(r.getString(1).substring(r.getString(1).lastIndexOf('-') + 1)));
                }
            }
        }
        assertEquals(tally.issued(), numbers.size(), numbers::toString);
        assertEquals(numbers.size(), new java.util.HashSet<>(numbers).size(), numbers::toString);
        assertEquals(numbers.size() - 1, numbers.get(numbers.size() - 1) - numbers.get(0), () -> "consecutive: " + numbers);
        List<JournalEntryView> staleEntries = journalOf(stale);
        assertTrue(staleEntries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_ISSUE_REFUSED") && String.valueOf(e.reason()).contains("R4")),
                staleEntries::toString);
        // registered but not hosted: nothing to certify, skipped without a refusal in its journal
        assertEquals(0L, auditor.call(() -> certificates.count(unhosted, null)));
        List<JournalEntryView> unhostedEntries = journalOf(unhosted);
        assertTrue(unhostedEntries.stream().noneMatch(e -> e.action().startsWith("CERTIFICATE_")), unhostedEntries::toString);
        assertTrue(auditor.call(() -> journal.latest(20)).stream().anyMatch(e -> e.action().equals("CERTIFICATE_BATCH")
                && e.actor().equals("support.it") && tally.summary().equals(e.reason())));

        // run again: everyone certified is skipped, nobody gets a second certificate
        CertificateBatchTally again = support.call(() -> batch.run(t -> { }));
        assertEquals(0, again.issued(), again::toString);
        assertTrue(again.alreadyValid() >= tally.alreadyValid() + tally.issued(), again::toString);
        assertEquals(1L, auditor.call(() -> certificates.count(fresh, null)));
        assertFalse(support.call(() -> batch.running()));

        assertThrows(EJBAccessException.class, () -> auditor.call(() -> batch.run(t -> { })));
        assertThrows(EJBAccessException.class, () -> client.call(() -> batch.candidates()));
    }

    @Test
    void a_batch_cut_short_by_its_server_stopping_is_marked_interrupted_within_a_minute_and_frees_the_slot() throws Exception {
        // What the database holds after a crash mid-batch: a running run holding the slot, whose heartbeat stopped.
        OffsetDateTime stopped = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2);
        long runId = silentRun(stopped, null, null); // stored before V16: no position
        CertificateBatchRunView seen = null;
        for (long deadline = System.nanoTime() + 40_000_000_000L; System.nanoTime() < deadline; Thread.sleep(1000)) {
            seen = support.call(() -> batch.lastRun()).orElseThrow();
            if (seen.id() == runId && seen.interrupted()) {
                break;
            }
        }
        assertEquals(runId, seen.id());
        assertEquals(CertificateBatchRunView.INTERRUPTED, seen.state(), "marked by the sweep (every 15 s) once 45 s without heartbeat");
        assertEquals(7, seen.tally().considered());
        assertEquals(3, seen.tally().issued());
        assertFalse(support.call(() -> batch.running()));
        assertTrue(auditor.call(() -> journal.latest(50)).stream().anyMatch(e -> e.action().equals("CERTIFICATE_BATCH")
                && String.valueOf(e.reason()).startsWith("interrupted") && String.valueOf(e.reason()).contains("issued 3")));
        // the slot is free again: the next batch runs, and is stored as completed with its starter
        support.call(() -> batch.run(t -> { }));
        CertificateBatchRunView next = support.call(() -> batch.lastRun()).orElseThrow();
        assertTrue(next.id() > runId);
        assertEquals("COMPLETED", next.state());
        assertEquals("support.it", next.startedBy());
    }

    /**
     * Issue 20: a batch whose node died (its run beats no more, and records the position after its last committed page)
     * is taken over by the node whose sweep finds it silent, and carried on from that position: the tenants before it
     * are not looked at again, the one the dead node certified on the page under way is counted issued and not issued
     * again, the others are certified once (as {@code gestan-batch}); the run names its new node, counts the takeover
     * and ends completed, journaled.
     */
    @Test
    void a_batch_whose_node_died_is_resumed_from_its_last_committed_page_and_certifies_each_tenant_once() throws Exception {
        List<String> sirens = new ArrayList<>(List.of(compliantTenant(), compliantTenant(), compliantTenant()));
        java.util.Collections.sort(sirens);
        String done = sirens.get(0); // on a page the dead node committed
        String inFlight = sirens.get(1); // certified by the dead node on the page under way, not committed
        String left = sirens.get(2); // not reached
        storeTheComplianceReport();
        // (issued before the run is stored, so that the sweep cannot resume it first; after the run's start all the same)
        CertificateView certifiedBeforeTheCrash = support.call(() -> certificates.issue(inFlight));
        OffsetDateTime stopped = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2);
        long runId = silentRun(stopped, done, "dead-node");
        CertificateBatchRunView seen = null;
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(1000)) {
            seen = support.call(() -> batch.lastRun()).orElseThrow();
            if (seen.id() == runId && !seen.running()) {
                break;
            }
        }
        assertEquals(runId, seen.id());
        assertEquals("COMPLETED", seen.state(), "resumed by the sweep (every 15 s) once silent, then completed: " + seen);
        assertEquals(1, seen.resumes(), seen::toString);
        assertNotEquals("dead-node", seen.node(), seen::toString);
        assertNotNull(seen.node(), seen::toString);
        assertEquals("support.it", seen.startedBy(), "the run keeps its starter");
        assertTrue(seen.tally().considered() >= 7 + 2 && seen.tally().issued() >= 3 + 2, seen::toString);
        assertEquals(0L, auditor.call(() -> certificates.count(done, null)), "before the position: not looked at again");
        assertEquals(List.of(certifiedBeforeTheCrash.number()),
                auditor.call(() -> certificates.search(inFlight, null, 0, 10)).stream().map(CertificateView::number).toList(),
                "certified by the dead node: not again");
        List<CertificateView> resumed = auditor.call(() -> certificates.search(left, null, 0, 10));
        assertEquals(1, resumed.size(), resumed::toString);
        assertEquals("gestan-batch", resumed.get(0).issuedBy(), "issued by the node that resumed the batch");
        assertFalse(support.call(() -> batch.running()));
        List<JournalEntryView> entries = auditor.call(() -> journal.latest(200));
        CertificateBatchRunView ended = seen;
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_BATCH") && String.valueOf(e.reason()).startsWith("resumed on "
                + ended.node() + " (dead-node stopped)")), "journaled takeover");
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_BATCH") && e.actor().equals("gestan-batch")
                && ended.tally().summary().equals(e.reason())), "journaled end, by the node that resumed it");
        // the slot is free again
        support.call(() -> batch.run(t -> { }));
    }

    /**
     * Issue 19: the batch stores each page in one transaction (the certificates and their PDFs, their journal entries
     * and notices, the run's tally and position). A page whose store fails (here: a stray PDF holds the number its
     * second certificate takes) leaves nothing of it: the batch ends failed, the stored tally counts exactly the
     * certificates stored, none numbered from the failing page on, no issuing entry without its certificate; the next
     * batch certifies those tenants once.
     */
    @Test
    void a_page_whose_store_fails_leaves_nothing_of_it_and_the_next_batch_certifies_its_tenants_once() throws Exception {
        List<String> fresh = List.of(compliantTenant(), compliantTenant());
        storeTheComplianceReport();
        long next;
        String stray;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement seq = c.prepareStatement("select nextval('certificate_number_seq')");
                 ResultSet r = seq.executeQuery()) {
                assertTrue(r.next());
                next = r.getLong(1);
            }
            stray = String.format("GC-%04d-%06d", LocalDate.now(ZoneOffset.UTC).getYear(), next + 2);
            try (PreparedStatement hold = c.prepareStatement("insert into certificate_document (number, pdf, size_bytes) values (?, ?, 1)")) {
                hold.setString(1, stray);
                hold.setBytes(2, new byte[] {1});
                assertEquals(1, hold.executeUpdate());
            }
        }
        Instant started = Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try {
            assertThrows(EJBException.class, () -> support.call(() -> batch.run(t -> { })));
            CertificateBatchRunView failed = support.call(() -> batch.lastRun()).orElseThrow();
            assertEquals("FAILED", failed.state(), failed::toString);
            List<String> stored = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement q = c.prepareStatement("select r.number from certificate_record r join certificate_document d on d.number = r.number"
                         + " where r.issued_at >= ? and r.issued_by = 'support.it' and r.number > ?")) {
                q.setObject(1, started.atOffset(ZoneOffset.UTC));
                q.setString(2, String.format("GC-%04d-%06d", LocalDate.now(ZoneOffset.UTC).getYear(), next));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        stored.add(r.getString(1));
                    }
                }
            }
            assertEquals(failed.tally().issued(), stored.size(), "the stored tally counts the certificates of the pages stored: " + stored);
            assertTrue(stored.stream().allMatch(n -> n.compareTo(stray) < 0), "nothing stored from the failing page on: " + stored);
            assertTrue(auditor.call(() -> journal.latest(50)).stream().anyMatch(e -> e.action().equals("CERTIFICATE_BATCH")
                    && e.outcome().equals("FAILURE") && failed.tally().summary().equals(e.reason())), "the failed batch journaled");
            for (String siren : fresh) {
                if (auditor.call(() -> certificates.count(siren, null)) == 0) {
                    assertTrue(journalOf(siren).stream().noneMatch(e -> e.action().equals("CERTIFICATE_ISSUED")),
                            "no issuing entry without its certificate: " + siren);
                }
            }
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement free = c.prepareStatement("delete from certificate_document where number = ?")) {
                free.setString(1, stray);
                free.executeUpdate();
            }
        }
        CertificateBatchTally again = support.call(() -> batch.run(t -> { }));
        assertEquals("COMPLETED", support.call(() -> batch.lastRun()).orElseThrow().state(), again::summary);
        for (String siren : fresh) {
            assertEquals(1L, auditor.call(() -> certificates.count(siren, null)), "certified once: " + siren);
            assertEquals(1L, journalOf(siren).stream().filter(e -> e.action().equals("CERTIFICATE_ISSUED")).count(), siren);
        }
    }

    /**
     * Issue 21 item 2: a certificate states only what we can prove. A tenant whose production server has no evidence of
     * its updates (our obligation, rule R6) is refused with that reason, journaled, and counted apart by the batch;
     * once the evidence is there it is certified, and the client's own to-dos are printed as the client's obligations.
     */
    @Test
    void issuing_is_refused_while_our_evidence_is_missing_and_the_batch_counts_it_apart() throws Exception {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String operator = "Hébergement Sans Preuve " + suffix + " SAS";
        admin.call(() -> inventory.addOperator(new NewOperator(operator, "SAS", "FR", null, null, BigDecimal.ZERO, BigDecimal.ZERO)));
        String siren = tenantOn(operator, suffix, "Droguerie Loïc " + suffix, false);
        clearSupportStaff();
        ComplianceReport report = support.call(() -> compliance.evaluate(siren));
        assertFalse(report.blocked(), report.blockingFindings()::toString);
        assertEquals(List.of("R6-SNAPSHOTS-BACKUPS"), report.ourMissingEvidence().stream().map(RuleFinding::ruleId).distinct().toList());

        CertificateRefusedException refused = assertThrows(CertificateRefusedException.class, () -> support.call(() -> certificates.issue(siren)));
        assertEquals(CertificateRefusedException.Reason.EVIDENCE_MISSING, refused.reason());
        assertTrue(refused.findings().stream().allMatch(f -> f.ruleId().equals("R6-SNAPSHOTS-BACKUPS")
                && f.party() == fr.gestan.cloud.compliance.api.Party.PROVIDER), refused.findings()::toString);
        assertEquals(0L, auditor.call(() -> certificates.count(siren, null)));
        List<JournalEntryView> entries = journalOf(siren);
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("CERTIFICATE_ISSUE_REFUSED") && e.outcome().equals("REFUSED")
                && e.reason().contains("our evidence missing") && e.reason().contains("R6-SNAPSHOTS-BACKUPS")), entries::toString);

        // the batch: the stored report does not block it (nothing fails), the issue refuses it, counted apart
        storeTheComplianceReport();
        CertificateBatchTally tally = support.call(() -> batch.run(t -> { }));
        assertTrue(tally.refusedEvidence() >= 1, tally::toString);
        assertTrue(tally.refusedSirens().size() >= CertificateBatchTally.REFUSED_SHOWN || tally.refusedSirens().contains(siren), tally::toString);
        assertEquals(0L, auditor.call(() -> certificates.count(siren, null)));
        CertificateBatchRunView stored = support.call(() -> batch.lastRun()).orElseThrow();
        assertEquals(tally.refusedEvidence(), stored.tally().refusedEvidence(), "the stored run keeps the count");
        assertTrue(tally.summary().contains("refused (our evidence missing) " + tally.refusedEvidence()), tally::summary);

        // the evidence arrives: certified; the certificate says nothing of missing evidence
        String server = "CERT-P-" + suffix;
        support.call(() -> controls.recordSnapshot(server, "snap-" + suffix, Instant.now().minusSeconds(7200)));
        support.call(() -> controls.recordSoftwareUpdate(server, "snap-" + suffix, Instant.now().minusSeconds(7000), "openssl"));
        CertificateView issued = support.call(() -> certificates.issue(siren));
        String text = run(support.call(() -> certificates.download(issued.number())).pdf(), "pdftotext", "-enc", "UTF-8").replaceAll("\\s+", " ");
        assertFalse(text.contains("Preuve à fournir") || text.contains("Evidence missing"), text);
        assertTrue(text.contains("Obligations du client / Client's obligations"), text);
    }

    /**
     * The client's own to-dos (here: its processor agreement, never accepted) do not refuse the certificate: they are
     * printed as the client's obligations, and the rule reads as met on our part.
     */
    @Test
    void the_clients_todos_are_printed_as_its_obligations_not_as_our_failure() throws Exception {
        String siren = compliantTenant();
        ComplianceReport report = support.call(() -> compliance.evaluate(siren));
        CertificateView issued = support.call(() -> certificates.issue(siren));
        String text = run(support.call(() -> certificates.download(issued.number())).pdf(), "pdftotext", "-enc", "UTF-8").replaceAll("\\s+", " ");
        assertFalse(text.contains("Preuve à fournir") || text.contains("Evidence missing"), text);
        assertTrue(text.contains("Obligations du client / Client's obligations"), text);
        if (report.clientToDos().isEmpty()) {
            assertTrue(text.contains("Aucune obligation du client en attente"), text);
        } else {
            assertTrue(text.contains("Conforme pour notre part"), text);
            for (RuleFinding todo : report.clientToDos()) {
                assertTrue(text.contains(todo.ruleId()), text);
            }
            assertTrue(report.clientToDos().stream().allMatch(f -> f.party() == fr.gestan.cloud.compliance.api.Party.CLIENT));
        }
    }

    /**
     * Issue 21 item 4: "Délivrer" for a client holding a valid certificate no longer makes a second valid one
     * silently: refused with VALID_EXISTS (and its number) until staff confirm; then the old one is superseded (linked
     * to its successor, /verify says so) and the client's contacts are told by e-mail with the portal's link.
     */
    @Test
    void issuing_again_for_a_client_holding_a_valid_certificate_asks_then_supersedes_and_tells_the_client() throws Exception {
        String siren = compliantTenant();
        String email = support.call(() -> tenants.findBySiren(siren)).orElseThrow().details().administrative().email();
        CertificateView first = support.call(() -> certificates.issue(siren));

        CertificateRefusedException asked = assertThrows(CertificateRefusedException.class, () -> support.call(() -> certificates.issue(siren)));
        assertEquals(CertificateRefusedException.Reason.VALID_EXISTS, asked.reason());
        assertEquals(first.number(), asked.validNumber());
        assertEquals(1L, auditor.call(() -> certificates.count(siren, CertificateStatus.VALID)), "no second valid certificate");

        CertificateView second = support.call(() -> certificates.issueSuperseding(siren));
        assertEquals(first.number(), second.supersedes());
        assertEquals(1L, auditor.call(() -> certificates.count(siren, CertificateStatus.VALID)));
        CertificateStatusView old = registry.verify(first.number()).orElseThrow();
        assertEquals(CertificateStatus.REVOKED, old.status());
        assertEquals(second.number(), old.supersededBy());
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> certificates.issueSuperseding(siren)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> certificates.issueSuperseding(siren)));

        // the client is told, through the outbox (GreenMail): one message per certificate, naming the one replaced
        support.call(() -> notificationDesk.deliverNow());
        List<fr.gestan.cloud.it.support.CaughtMail> mails = List.of();
        for (int i = 0; i < 60; i++) {
            mails = fr.gestan.cloud.it.support.CaughtMail.to(email).stream().filter(m -> m.subject().contains(second.number())).toList();
            if (!mails.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(1, mails.size(), "one message about the new certificate");
        String body = mails.get(0).text();
        assertTrue(body.contains(second.number()) && body.contains("remplace l'attestation N° " + first.number())
                && body.contains("/portal/certificates.xhtml") && body.contains("It replaces certificate No. " + first.number()), body);
        assertTrue(fr.gestan.cloud.it.support.CaughtMail.to(email).stream().anyMatch(m -> m.subject().contains(first.number())),
                "the first certificate was told too");
    }

    /** The stored report as the nightly job writes it (waiting for a run already going, such as the first one). */
    /**
     * What the database holds after a crash mid-batch: a running run (7 looked at, 3 issued) holding the slot, whose
     * heartbeat stopped at {@code stopped}; its position and node as given (null: as stored before V16).
     */
    private long silentRun(OffsetDateTime stopped, String nextAfter, String node) throws Exception {
        long runId;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement run = c.prepareStatement("insert into certificate_batch_run (started_by, started_at, heartbeat_at,"
                    + " state, total, considered, issued, already_valid, without_contract, refused, next_after, node_name)"
                    + " values ('support.it', ?, ?, 'RUNNING', 40, 7, 3, 2, 1, 1, ?, ?)", new String[] {"id"})) {
                run.setObject(1, stopped.minusMinutes(1));
                run.setObject(2, stopped);
                run.setString(3, nextAfter);
                run.setString(4, node);
                run.executeUpdate();
                try (ResultSet key = run.getGeneratedKeys()) {
                    assertTrue(key.next());
                    runId = key.getLong(1);
                }
            }
            try (PreparedStatement slot = c.prepareStatement("update certificate_batch_slot set run_id = ?, heartbeat_at = ? where id = 1")) {
                slot.setLong(1, runId);
                slot.setObject(2, stopped);
                assertEquals(1, slot.executeUpdate());
            }
        }
        return runId;
    }

    private void storeTheComplianceReport() throws Exception {
        for (int attempt = 0; support.call(() -> reportJob.runNow(done -> { })) < 0; attempt++) {
            assertTrue(attempt < 120, "the compliance report job stays busy");
            Thread.sleep(500);
        }
    }
}
