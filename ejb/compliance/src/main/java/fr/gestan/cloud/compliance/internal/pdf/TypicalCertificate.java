package fr.gestan.cloud.compliance.internal.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A typical certificate: one contract on two sites, the policy's twelve measures, the eight rules, the availability
 * lines, a client obligation; what the batch issues to a tenant such as the scale benchmark seeds. Rendered where only
 * the renderer's work matters: the renderer's warm-up after a start ({@code RendererWarmUp}) and the benchmark's
 * reference rendered alone ({@code SignedRenders}). Nothing of it is stored.
 */
public final class TypicalCertificate {

    private TypicalCertificate() {
    }

    /** The certificate of a tenant such as the scale benchmark seeds, numbered {@code i}. */
    public static CertificateContent numbered(int i) {
        String number = String.format("GC-2026-%06d", i % 999_999 + 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateContent.Site production = new CertificateContent.Site("SCALE-P-00", "SCALE-P", "Lyon", "FR", "Hébergement Échelle SAS", "FR", null);
        CertificateContent.Site backup = new CertificateContent.Site("SCALE-B-00", "SCALE-B", "Rennes", "FR", "Hébergement Échelle SAS", "FR", null);
        List<CertificateContent.Measure> measures = new ArrayList<>();
        for (String[] m : new String[][] {{"Protection contre la force brute : verrouillage après échecs", "Brute-force protection", "5"},
                {"Durée maximale de verrouillage", "Longest lockout", "15\u00A0min"}, {"Identifiants générés : longueur minimale", "Generated credentials", "24 / 4 classes"},
                {"Expiration des sessions inactives", "Idle session timeout", "30\u00A0min"}, {"Durée maximale d'une session", "Longest session", "10\u00A0h"},
                {"Mots de passe : longueur minimale / derniers non réutilisables", "Passwords", "12 / 5"},
                {"HTTPS (TLS) uniquement, relevé sur le serveur", "HTTPS (TLS) only", "oui / yes (TLSv1.3, TLSv1.2)"},
                {"Fréquence des sauvegardes", "Backup frequency", "24\u00A0h"}, {"Rétention des sauvegardes", "Backup retention", "30 jours / days"},
                {"Instantané système avant chaque mise à jour", "System snapshot before each update", "oui / yes"},
                {"Surveillance : seuils d'alerte processeur / disque / mémoire", "Monitoring thresholds", "90\u202F% / 85\u202F% / 90\u202F%"},
                {"Attaques DDoS atténuées en au plus", "DDoS attacks mitigated within", "4\u00A0h"}}) {
            measures.add(new CertificateContent.Measure(m[0], m[1], m[2]));
        }
        List<CertificateContent.RuleLine> rules = new ArrayList<>();
        for (int r = 1; r <= 8; r++) {
            rules.add(new CertificateContent.RuleLine("R" + r + "-RULE", "Référence légale " + r + ", art. " + (10 + r) + " § 2", r == 3 ? "CLIENT_OBLIGATIONS" : "PASS",
                    "Explication de la règle " + r + " : ce que nous vérifions, sur quelles preuves et pour quels contrats de l'entreprise."
                            + " Preuves : transmises par les machines."));
        }
        return new CertificateContent(number, String.format("Société Échelle %05d SARL", i % 10_000), "700000" + String.format("%03d", i % 1000),
                List.of(new CertificateContent.ContractLine(1000 + i % 10_000, "Gestan ERP Cloud", LocalDate.of(2026, 1, 1), null, "STANDARD",
                        production, backup, 10 + i % 1000)),
                1, measures, rules, new CertificateContent.Checkpoint(100_000 + i / 50, "ab".repeat(32), now), now, now.plus(365, ChronoUnit.DAYS),
                "https://gestan.example/verify?number=" + number, null,
                List.of(new CertificateContent.AvailabilityLine(1000 + i % 10_000, "SCALE-P-00", new CertificateContent.Period(99.98, 0.5, 0),
                        new CertificateContent.Period(99.95, 1.0, 0), now)),
                List.of(new CertificateContent.Obligation("R3-RULE", "sign-processor-agreement", "")));
    }
}
