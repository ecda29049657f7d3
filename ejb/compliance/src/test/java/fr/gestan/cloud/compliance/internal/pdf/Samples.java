package fr.gestan.cloud.compliance.internal.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A certificate's content as the service assembles it, with the demo data's French names. */
final class Samples {

    static final Instant ISSUED = Instant.parse("2026-11-28T10:15:00Z");

    private Samples() {
    }

    static CertificateContent content(String number) {
        CertificateContent.Site prod = new CertificateContent.Site("GC-PROD-01", "DC3", "Vitry-sur-Seine", "FR", "Scaleway SAS", "FR", "FR");
        CertificateContent.Site backup = new CertificateContent.Site("GC-BKP-01", "DC5", "Saint-Ouen-l'Aumône", "FR", "Scaleway SAS", "FR", "FR");
        return new CertificateContent(number, "Boulangerie Léonie & Fils SARL", "842317653",
                List.of(new CertificateContent.ContractLine(42, "Gestan ERP Cloud", LocalDate.of(2024, 1, 1), null, "STANDARD", prod, backup, 1025)),
                3,
                List.of(new CertificateContent.Measure("Verrouillage après échecs de connexion", "Lockout after failed sign-ins", "5"),
                        new CertificateContent.Measure("Rétention des sauvegardes", "Backup retention", "3650 jours / days"),
                        new CertificateContent.Measure("Instantané avant mise à jour", "Snapshot before update", "oui / yes")),
                List.of(new CertificateContent.RuleLine("R1-ACCOUNTING-EU", "Code général des impôts, art. 286", "PASS",
                                "Les documents comptables restent dans l'Union européenne."),
                        new CertificateContent.RuleLine("R3-GDPR", "RGPD art. 28 et 30", "CLIENT_OBLIGATIONS", "Données personnelles : contrat de sous-traitance.")),
                new CertificateContent.Checkpoint(12345, "9f".repeat(32), Instant.parse("2026-11-28T09:00:00Z")),
                ISSUED, ISSUED.plusSeconds(365L * 86400), "https://gestan.example/verify?number=" + number, null, List.of(),
                List.of(new CertificateContent.Obligation("R3-GDPR", "sign-processor-agreement", "")));
    }

    /** The same with its contract's availability, as the hosting module computed it. */
    static CertificateContent withAvailability(String number) {
        CertificateContent c = content(number);
        return new CertificateContent(c.number(), c.tenantName(), c.tenantSiren(), c.contracts(), c.policyVersion(), c.measures(),
                c.rules(), c.checkpoint(), c.issuedAt(), c.validUntil(), c.verificationUrl(), c.supersedes(),
                List.of(new CertificateContent.AvailabilityLine(42, "GC-PROD-01", new CertificateContent.Period(99.95, 2.1, 0),
                        new CertificateContent.Period(null, 100, 200), Instant.parse("2026-11-28T10:05:00Z"))),
                c.clientObligations());
    }
}
