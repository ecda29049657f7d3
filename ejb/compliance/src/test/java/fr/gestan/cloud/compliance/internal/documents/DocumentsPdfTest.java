package fr.gestan.cloud.compliance.internal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.ProcessingEntry;
import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.hosting.api.SubProcessorChangeKind;
import fr.gestan.cloud.hosting.api.SubProcessorChangeView;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantState;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The generated GDPR documents: live figures and French accents extracted back from the PDF; the version hash. */
class DocumentsPdfTest {

    static final PolicySettings POLICY = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85);
    static final TenantRecord TENANT = new TenantRecord(1, 0, new TenantDetails("Boulangerie Léonie SARL", "842317653", null, null,
            new PostalAddress("12 rue de l'Église", null, "69003", "Lyon", "FR"), new Contact("Léonie Martin", "leonie@example.fr", null),
            null, null, Set.of(HostedDataKind.PERSONAL_DATA_EMPLOYEES, HostedDataKind.ACCOUNTING_DOCUMENTS)),
            TenantState.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    static final ContractView CONTRACT = new ContractView(42, "842317653", "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null, true,
            ServiceLevel.STANDARD, 1, "GC-PROD-01", "DC3", 2, "GC-BKP-01", "DC5", 20, ContractStatus.ACTIVE);
    static final List<AgreementTexts.SubProcessor> SUBS = List.of(
            new AgreementTexts.SubProcessor("Hébergement de production", "Production hosting", "Scaleway SAS", "SAS", "Groupe Iliad", "FR", "DC3", "Vitry-sur-Seine", "FR"),
            new AgreementTexts.SubProcessor("Hébergement de secours (sauvegardes)", "Backup hosting", "Scaleway SAS", "SAS", "Groupe Iliad", "FR", "DC5", "Saint-Ouen-l'Aumône", "FR"));

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void the_agreement_prints_the_live_figures_with_their_accents() throws IOException {
        DocumentText t = AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY, 90));
        byte[] pdf = ProcessorAgreementsBean.render(new ProcessorAgreementsBean.Current(CONTRACT, t), List.of("Non accepté à ce jour / Not accepted yet"));
        String text = text(pdf);
        for (String expected : List.of("Contrat de sous-traitance de données personnelles (RGPD, article 28)",
                "Data processing agreement (GDPR, Article 28)", "Boulangerie Léonie SARL", "SIREN 842317653", "12 rue de l'Église",
                "ICS-Informatique, SARL de droit français", "contrat d'hébergement n° 42", "du 01/01/2026 sans terme fixé",
                "Salariés du client", "Scaleway SAS SAS (Groupe Iliad)", "Vitry-sur-Seine, FR", "DC5, Saint-Ouen-l'Aumône, FR",
                "verrouillage après 5 échecs", "16 caractères au moins", "Sauvegarde toutes les 24 heures, conservée 3650 jours",
                "conservées 90 jours", "archive ZIP", "RGPD art. 33.2", "Version (SHA-256 du texte / of the text) : " + t.sha256())) {
            assertTrue(text.contains(expected), () -> "missing: " + expected + "\n" + text);
        }
    }

    /** A change as hosting stores it: notified at {@code notified}, in effect from {@code effective}. */
    private static SubProcessorChangeView change(long id, SubProcessorChangeKind kind, String name, Instant notified, LocalDate effective,
                                                 String owner, String ownerCountry) {
        return new SubProcessorChangeView(id, 3, name, SubProcessorRole.HOSTING_OPERATOR, "FR", "hébergement", "hosting", kind, effective,
                effective.plusDays(30), notified, "admin.demo", 0, 0, 0, owner, ownerCountry);
    }

    @Test
    void an_outdated_agreement_cites_the_change_notices_that_took_effect_since_its_acceptance_with_their_portal_link() throws IOException {
        Instant accepted = Instant.parse("2026-11-02T09:00:00Z");
        LocalDate today = LocalDate.of(2026, 12, 4);
        List<SubProcessorChangeView> told = List.of( // newest first, as hosting gives them
                change(9, SubProcessorChangeKind.ADDED, "Coffre SAS", Instant.parse("2026-12-03T10:00:00Z"), LocalDate.of(2027, 1, 20), null, null),
                change(8, SubProcessorChangeKind.OWNER_CHANGED, "Scaleway SAS", Instant.parse("2026-11-20T10:00:00Z"), LocalDate.of(2026, 12, 1),
                        "Atlantic Cloud Inc.", "US"),
                change(7, SubProcessorChangeKind.ADDED, "Veille SARL", Instant.parse("2026-10-01T10:00:00Z"), LocalDate.of(2026, 11, 20), null, null),
                change(6, SubProcessorChangeKind.ENDED, "Ancien SAS", Instant.parse("2026-09-01T10:00:00Z"), LocalDate.of(2026, 10, 1), null, null));
        List<fr.gestan.cloud.compliance.api.AgreementChangeNotice> notices = ChangeNoticeLines.outdatedBy(told, accepted, today);
        // 9 is not in effect yet (the agreement does not list it yet); 6 was in effect when the client accepted
        assertEquals(List.of(8L, 7L), notices.stream().map(n -> n.changeId()).toList());
        assertEquals("/portal/subprocessors.xhtml#change-8", notices.get(0).portalPath());
        assertEquals(List.of(), ChangeNoticeLines.outdatedBy(told, null, today), "never accepted: nothing outdated");

        DocumentText t = AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY, 90));
        List<String> trailer = ProcessorAgreementsBean.trailer(t.sha256(), "0".repeat(64), "client.demo", accepted, notices);
        String text = text(ProcessorAgreementsBean.render(new ProcessorAgreementsBean.Current(CONTRACT, t), trailer));
        String base = fr.gestan.cloud.common.config.PublicAddress.baseUrl();
        for (String expected : List.of("Une version antérieure a été acceptée le 02/11/2026 10:00",
                "Cette version fait suite à la notification n° 8 du 20/11/2026 : Scaleway SAS — changement de contrôle de l'hébergeur : "
                        + "Atlantic Cloud Inc. (US) à compter du 01/12/2026", "(" + base + "/portal/subprocessors.xhtml#change-8).",
                "This version follows notice no. 8 of 2026-11-20: Scaleway SAS — change of the operator's controlling owner: "
                        + "Atlantic Cloud Inc. (US) from 2026-12-01 (" + base + "/portal/subprocessors.xhtml#change-8).",
                "notification n° 7 du 01/10/2026 : Veille SARL — ajout à compter du 20/11/2026")) {
            assertTrue(text.contains(expected), () -> "missing: " + expected + "\n" + text);
        }
        // the hashed text is the same: citing a notice is status, not a new version
        assertEquals(t.sha256(), AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY, 90)).sha256());
        assertTrue(ProcessorAgreementsBean.trailer(t.sha256(), t.sha256(), "client.demo", accepted, notices).stream()
                .noneMatch(l -> l.contains("notification")), "an accepted version cites nothing");
    }

    @Test
    void the_agreement_states_the_encryption_as_the_server_runs_it_not_as_fixed_text() {
        var running = new fr.gestan.cloud.security.api.TransportSecurity.RunningTransport(true, true, 8443,
                List.of("TLSv1.2", "TLSv1.3"), "max-age=31536000");
        String text = String.join("\n", AgreementTexts.measures(POLICY, running).stream().map(m -> m[0] + " | " + m[1]).toList());
        assertTrue(text.contains("Chiffrement HTTPS (TLS 1.2, TLS 1.3) de tous les échanges, relevé sur le serveur en fonctionnement."), text);
        assertTrue(text.contains("HTTPS (TLS 1.2, TLS 1.3) encryption of every exchange, read on the running server."), text);
        var plain = new fr.gestan.cloud.security.api.TransportSecurity.RunningTransport(false, true, 8443, List.of("TLSv1.3"), null);
        String[] line = AgreementTexts.measures(POLICY, plain).get(0);
        assertTrue(line[0].contains("(TLS 1.3)") && line[0].contains("accepte aussi HTTP sans chiffrement"), line[0]);
        assertTrue(AgreementTexts.measures(POLICY, null).get(0)[0].contains("n'a pas été relevée"), "not read: said so, not assumed");
        // the text changes with what runs: a new version of the agreement to accept
        assertNotEquals(AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY, 90, running)).sha256(),
                AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY, 90, plain)).sha256());
    }

    @Test
    void the_agreement_lists_the_other_sub_processors_with_their_dates_and_the_ddos_time() {
        var netsyst = new fr.gestan.cloud.hosting.api.SubProcessorView(2, "Netsyst", "SAS", fr.gestan.cloud.hosting.api.SubProcessorRole.SECURITY_MONITORING,
                "FR", "Lyon", null, null, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, "surveillance de sécurité", "security monitoring",
                List.of(), null, LocalDate.of(2016, 1, 1), null);
        var subs = List.of(new AgreementTexts.SubProcessor("Hébergement de production", "Production hosting", "Scaleway SAS", "SAS",
                "Groupe Iliad", "FR", "DC3", "Vitry-sur-Seine", "FR", LocalDate.of(2016, 1, 1), null), AgreementTexts.SubProcessor.of(netsyst));
        DocumentText t = AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, subs, POLICY.withDdosMitigation(3), 90));
        String fr = String.join("\n", t.sections().stream().flatMap(x -> x.fr().stream()).toList());
        assertTrue(fr.contains("Vitry-sur-Seine, FR ; depuis le 01/01/2016."), fr);
        assertTrue(fr.contains("Surveillance de sécurité : Netsyst (SAS), siège : France, Lyon ; surveillance de sécurité ; en vigueur du 01/01/2016."), fr);
        assertTrue(fr.contains("Attaques DDoS atténuées en 3 heures au plus."), fr);
    }

    @Test
    void the_agreement_prints_the_objection_period_of_the_policy() {
        String fr = AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY.withObjectionDays(21), 90)).all();
        assertTrue(fr.contains("le client peut s'y opposer pendant 21 jours à compter de la notification"), fr);
        assertTrue(fr.contains("the client may object to it within 21 days of the notice"), fr);
        assertNotEquals(AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY, 90)).sha256(),
                AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY.withObjectionDays(21), 90)).sha256());
    }

    @Test
    void the_version_changes_with_a_new_sub_processor_or_policy_value_only() {
        String v1 = AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, POLICY, 90)).sha256();
        assertEquals(v1, AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, List.copyOf(SUBS), POLICY, 90)).sha256());
        var moved = List.of(SUBS.get(0), new AgreementTexts.SubProcessor("Hébergement de secours (sauvegardes)", "Backup hosting",
                "Scaleway SAS", "SAS", "Groupe Iliad", "FR", "AMS1", "Amsterdam", "NL"));
        assertNotEquals(v1, AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, moved, POLICY, 90)).sha256());
        PolicySettings longer = new PolicySettings(5, 60, 900, 43200, false, 20, 4, 30, true, 24, 3650, true, 90, 85);
        assertNotEquals(v1, AgreementTexts.of(new AgreementTexts.Inputs(TENANT, CONTRACT, SUBS, longer, 90)).sha256());
    }

    @Test
    void the_record_lists_each_entry_without_transfers_outside_the_eu() throws IOException {
        ProcessingEntryView e = new ProcessingEntryView(1, 0, "842317653", new ProcessingEntry("Paie des salariés", "Salariés",
                "Identité, rémunération", true, false, null, "Chiffrement TLS, sauvegardes"), "support.demo", Instant.now());
        ProcessingEntryView normalised = new ProcessingEntryView(1, 0, "842317653", new ProcessingEntry("Paie des salariés", "Salariés",
                "Identité, rémunération", true, false, ProcessingEntry.NO_TRANSFER, "Chiffrement TLS, sauvegardes"), "support.demo", Instant.now());
        DocumentText t = RecordTexts.of(List.of(normalised), "842317653");
        String text = text(DocumentPdf.render(t, List.of(), List.of(), "test"));
        assertTrue(text.contains("Extrait du registre des activités de traitement"), text);
        assertTrue(text.contains("1. Paie des salariés"), text);
        assertTrue(text.contains("Transferts hors de l'Union européenne : Aucun / None"), text);
        assertTrue(text.contains("Catégories de données : Identité, rémunération"), text);
        assertEquals("Paie des salariés", e.entry().processing());
    }
}
