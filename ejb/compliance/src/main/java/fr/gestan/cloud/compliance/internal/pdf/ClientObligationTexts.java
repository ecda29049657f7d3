package fr.gestan.cloud.compliance.internal.pdf;

import java.util.Map;

/**
 * The client's to-dos as the certificate prints them (French, English), by finding code: the document is bilingual
 * whatever the reader's language, so its texts live here rather than in the web bundles.
 */
public final class ClientObligationTexts {

    private static final Map<String, String[]> TEXTS = Map.of(
            "declare-storage-place", new String[] {"déclarer le lieu de stockage des factures électroniques avec la déclaration annuelle (LPF art. L102 C)",
                    "declare where the e-invoices are stored with the annual return (LPF art. L102 C)"},
            "keep-invoices-six-years", new String[] {"conserver ses factures électroniques 6 ans dans ses propres archives (LPF art. L102 B), au-delà de la rétention des sauvegardes",
                    "keep its e-invoices 6 years in its own archive (LPF art. L102 B), beyond the backup retention"},
            "sign-processor-agreement", new String[] {"accepter le contrat de sous-traitance (RGPD art. 28) dans son portail",
                    "accept the processor agreement (GDPR art. 28) in its portal"},
            "processor-agreement-outdated", new String[] {"accepter la nouvelle version du contrat de sous-traitance (RGPD art. 28) dans son portail",
                    "accept the new version of the processor agreement (GDPR art. 28) in its portal"});

    private ClientObligationTexts() {
    }

    public static String fr(String code) {
        String[] t = TEXTS.get(code);
        return t == null ? code : t[0];
    }

    public static String en(String code) {
        String[] t = TEXTS.get(code);
        return t == null ? code : t[1];
    }
}
