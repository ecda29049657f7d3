package fr.gestan.cloud.compliance.internal.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.compliance.internal.documents.DocumentPdf;
import fr.gestan.cloud.compliance.internal.documents.DocumentText;
import fr.gestan.cloud.hosting.api.CertificationView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import java.math.BigDecimal;
import java.time.LocalDate;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The source page rebuilt from live figures: sites, operator, policy values, recovery durations. */
class TrustTextsTest {

    @Test
    void the_statement_reads_its_figures_from_the_data_and_prints_them_with_accents() throws Exception {
        var scaleway = new OperatorView(1, "Scaleway SAS", "SAS", "FR", "Groupe Iliad", "FR", BigDecimal.ZERO, BigDecimal.ZERO);
        var dc3 = new DataCentreView(1, "DC3", "Vitry-sur-Seine", "FR", "Scaleway SAS",
                List.of(new CertificationView("ISO/IEC 27001", "AFNOR Certification", LocalDate.of(2028, 3, 31))));
        var dc5 = new DataCentreView(2, "DC5", "Saint-Ouen-l'Aumône", "FR", "Scaleway SAS", List.of());
        List<ServerView> servers = new ArrayList<>();
        String profile = "Core-4-5-SSD 2 x Intel Xeon E5 2620v4 128 Go";
        servers.add(new ServerView(1, "GC-PROD-01", "DC3", "Vitry-sur-Seine", ServerRole.PRODUCTION, profile, 100, 100, ServerState.values()[0]));
        servers.add(new ServerView(2, "GC-BKP-01", "DC5", "Saint-Ouen-l'Aumône", ServerRole.BACKUP, profile, 100, 0, ServerState.values()[0]));
        var policy = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85);
        var transport = new RunningTransport(true, true, 8443, List.of("TLSv1.3", "TLSv1.2"), "max-age=63072000; includeSubDomains");
        DocumentText t = TrustTexts.of(new TrustTexts.Inputs(List.of(scaleway), List.of(dc3, dc5), servers, policy, 3,
                RecoverySettings.SOURCE, LocalDate.of(2026, 11, 28), null, transport));
        byte[] pdf = DocumentPdf.render(t, List.of(), List.of(), "test");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        for (String expected : List.of("Sécurité & confidentialité de Gestan Cloud", "Hébergeur : Scaleway SAS, siège social : France, groupe Iliad (France)",
                "Centre de données DC3 à Vitry-sur-Seine (FR)", "serveurs de production", "ISO/IEC 27001 (AFNOR Certification, valide jusqu'au 31/03/2028)",
                "Centre de données DC5 à Saint-Ouen-l'Aumône (FR)", "aucune certification enregistrée", "héberge en moyenne 100 clients",
                "verrouillé après 5 échecs", "au moins 16 caractères", "toutes les 24 heures", "version 3",
                "environ 15 minutes", "environ 10 minutes par client, soit environ 17 h 10 min pour 100 clients",
                "ICS-Informatique, SARL de droit français", "(Union européenne)",
                "Every exchange uses HTTPS (TLS 1.3, TLS 1.2), the protocol your bank uses: a page asked for over HTTP is redirected",
                "pendant 730 jours (HSTS)", "Relevé dans la configuration du serveur en fonctionnement")) {
            assertTrue(text.contains(expected), () -> "missing: " + expected + "\n" + text);
        }
    }

    @Test
    void the_recovery_time_is_the_staff_plan_of_the_most_loaded_server() {
        List<RecoveryPlanView.TenantSlot> slots = new ArrayList<>();
        for (int i = 1; i <= 42; i++) {
            slots.add(new RecoveryPlanView.TenantSlot(i, i, String.format("%09d", i), fr.gestan.cloud.hosting.api.ServiceLevel.STANDARD, 10,
                    30 + (i - 1) * 10, 10, RecoveryPlanView.Source.SETTING));
        }
        var plan = new RecoveryPlanView(1, "GC-PROD-01", "DC3", List.of(), slots, 30, 449);
        var policy = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85);
        DocumentText t = TrustTexts.of(new TrustTexts.Inputs(List.of(), List.of(), List.of(), policy, 3, RecoverySettings.SOURCE,
                LocalDate.of(2026, 11, 28), List.of(), null, plan));
        String fr = t.sections().stream().flatMap(x -> x.fr().stream()).collect(java.util.stream.Collectors.joining("\n"));
        String en = t.sections().stream().flatMap(x -> x.en().stream()).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(fr.contains("pour notre serveur le plus chargé (42 clients), la reprise complète est planifiée en 7 h 29 min."), fr);
        assertTrue(en.contains("for our most loaded server (42 clients), full recovery is planned in 7 h 29 min."), en);
        assertFalse(fr.contains("environ 5 heures"), fr);
    }

    @Test
    void the_sub_processors_and_the_ddos_time_are_printed_from_the_list_and_the_policy() {
        var scaleway = new SubProcessorView(1, "Scaleway SAS", "SAS", SubProcessorRole.HOSTING_OPERATOR, "FR", null, "Groupe Iliad", "FR",
                BigDecimal.ZERO, BigDecimal.ZERO, "hébergement des serveurs", "hosting of the servers", List.of("DC3", "DC5"), 1L,
                LocalDate.of(2016, 1, 1), null);
        var netsyst = new SubProcessorView(2, "Netsyst", "SAS", SubProcessorRole.SECURITY_MONITORING, "FR", "Lyon", null, null,
                BigDecimal.ZERO, BigDecimal.ZERO, "surveillance de sécurité", "security monitoring", List.of(), null,
                LocalDate.of(2016, 3, 1), LocalDate.of(2027, 2, 28));
        var policy = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85).withDdosMitigation(6);
        DocumentText t = TrustTexts.of(new TrustTexts.Inputs(List.of(), List.of(), List.of(), policy, 3, RecoverySettings.SOURCE,
                LocalDate.of(2026, 11, 28), List.of(scaleway, netsyst)));
        String fr = t.sections().stream().flatMap(x -> x.fr().stream()).collect(java.util.stream.Collectors.joining("\n"));
        String en = t.sections().stream().flatMap(x -> x.en().stream()).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(fr.contains("Hébergeur : Scaleway SAS, siège : France, groupe Iliad (France) ; hébergement des serveurs "
                + "(centres de données DC3, DC5) ; en vigueur du 01/01/2016."), fr);
        assertTrue(fr.contains("Surveillance de sécurité : Netsyst (SAS), siège : France, Lyon ; surveillance de sécurité ; en vigueur du "
                + "01/03/2016 au 28/02/2027."), fr);
        assertTrue(fr.contains("Le monitoring sécurité est assuré par Netsyst, basé à Lyon, depuis le 01/03/2016"), fr);
        assertTrue(fr.contains("Une attaque DDoS est atténuée en 6 heures au plus."), fr);
        assertTrue(en.contains("Security monitoring: Netsyst (SAS), head office: France, Lyon; security monitoring; in effect from 2016-03-01 to 2027-02-28."), en);
        assertFalse(fr.contains("SAS (SAS)") || fr.contains("Groupe Groupe") || fr.contains("groupe Groupe") || fr.contains(": FR"), fr);
        assertFalse(scaleway.serves("DC9"), "an operator serves its own data centres only");
        assertTrue(netsyst.serves("DC9"), "the contractor serves every server");
    }

    @Test
    void the_sign_in_settings_are_printed_from_the_policy_and_tls_from_what_runs() {
        var policy = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85).withSignIn(20, 8, 14, 5);
        var plainHttpToo = new RunningTransport(false, true, 8443, List.of(), null);
        DocumentText t = TrustTexts.of(new TrustTexts.Inputs(List.of(), List.of(), List.of(), policy, 4, RecoverySettings.SOURCE,
                LocalDate.of(2026, 11, 28), List.of(), plainHttpToo));
        String fr = t.sections().stream().flatMap(x -> x.fr().stream()).collect(java.util.stream.Collectors.joining("\n"));
        String en = t.sections().stream().flatMap(x -> x.en().stream()).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(fr.contains("les sessions inactives sont fermées après 20 minutes, et toute session après 8 heures."), fr);
        assertTrue(fr.contains("Mots de passe des utilisateurs : au moins 14 caractères") && fr.contains("des 5 derniers mots de passe."), fr);
        assertTrue(en.contains("idle sessions are closed after 20 minutes, and every session after 8 hours."), en);
        assertTrue(en.contains("Users' passwords: at least 14 characters") && en.contains("the last 5 passwords."), en);
        // the policy says TLS is required, but what runs is printed
        assertTrue(en.contains("Exchanges use HTTPS; this server also accepts unencrypted HTTP."), en);
        assertFalse(en.contains("HSTS"), en);
    }
}
