package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.security.api.PolicySettings;
import java.util.List;

/** The processor's record of processing activities (GDPR art. 30(2)) as a document: the whole, or one tenant's part. */
public final class RecordTexts {

    private RecordTexts() {
    }

    public static DocumentText of(List<ProcessingEntryView> entries, String onlySiren) {
        return of(entries, onlySiren, null);
    }

    public static DocumentText of(List<ProcessingEntryView> entries, String onlySiren, List<SubProcessorView> subProcessors) {
        return of(entries, onlySiren, subProcessors, null);
    }

    /**
     * {@code subProcessors}: the list in effect (printed after the processor), {@code null}: not printed.
     * {@code policy}: the security policy in effect, whose measures are the processor's (art. 30(2)(d)), printed with
     * the same values as the agreements; {@code null}: not printed.
     */
    public static DocumentText of(List<ProcessingEntryView> entries, String onlySiren, List<SubProcessorView> subProcessors,
                                  PolicySettings policy) {
        return of(entries, onlySiren, subProcessors, policy, null);
    }

    /** The same, the encryption measure stated from the running configuration ({@code transport}; {@code null}: not read). */
    public static DocumentText of(List<ProcessingEntryView> entries, String onlySiren, List<SubProcessorView> subProcessors,
                                  PolicySettings policy, fr.gestan.cloud.security.api.TransportSecurity.RunningTransport transport) {
        var b = new DocumentText.Builder(
                onlySiren == null ? "Registre des activités de traitement du sous-traitant (RGPD, article 30.2)"
                        : "Extrait du registre des activités de traitement (RGPD, article 30.2) : SIREN " + onlySiren,
                onlySiren == null ? "Processor's record of processing activities (GDPR, Article 30(2))"
                        : "Extract of the record of processing activities (GDPR, Article 30(2)): SIREN " + onlySiren);
        b.section("Sous-traitant", "Processor");
        b.text(Vendor.NAME + ", " + Vendor.FORM_FR + ", pour le compte de chaque client responsable du traitement ci-dessous.",
                Vendor.NAME + ", " + Vendor.FORM_EN + ", on behalf of each controller client below.");
        if (subProcessors != null) {
            SubProcessorLines.section(b, subProcessors);
        }
        if (policy != null) {
            b.section("Mesures de sécurité du sous-traitant (article 30.2 d)", "Processor's security measures (Article 30(2)(d))");
            for (String[] m : AgreementTexts.measures(policy, transport)) {
                b.text(m[0], m[1]);
            }
        }
        if (entries.isEmpty()) {
            b.section("Traitements", "Processing activities");
            b.text("Aucun traitement inscrit.", "No processing activity recorded.");
        }
        int n = 0;
        for (ProcessingEntryView e : entries) {
            n++;
            var x = e.entry();
            b.section(n + ". " + x.processing(), n + ". " + x.processing());
            b.text("Responsable du traitement (client) : SIREN " + e.tenantSiren(), "Controller (client): SIREN " + e.tenantSiren());
            b.text("Personnes concernées : " + x.dataSubjects(), "Data subjects: " + x.dataSubjects());
            b.text("Catégories de données : " + x.dataCategories(), "Categories of data: " + x.dataCategories());
            b.text("Transferts hors de l'Union européenne : " + x.transfersOutsideEu(), "Transfers outside the European Union: " + x.transfersOutsideEu());
            b.text("Mesures de sécurité : " + x.securityMeasures(), "Security measures: " + x.securityMeasures());
        }
        return b.build();
    }
}
