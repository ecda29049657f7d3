package fr.gestan.cloud.compliance.internal.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a certificate states, gathered from the other modules' public APIs before rendering: the renderer
 * reads nothing else, so the same content always gives the same text.
 */
public record CertificateContent(String number, String tenantName, String tenantSiren, List<ContractLine> contracts,
                                 int policyVersion, List<Measure> measures, List<RuleLine> rules,
                                 Checkpoint checkpoint, Instant issuedAt, Instant validUntil, String verificationUrl,
                                 String supersedes) {

    public CertificateContent {
        contracts = List.copyOf(contracts);
        measures = List.copyOf(measures);
        rules = List.copyOf(rules);
    }

    /** A hosting contract with its two sites and the tenant's estimated recovery time ({@code null}: not planned). */
    public record ContractLine(long id, String offer, LocalDate startsOn, LocalDate endsOn, String serviceLevel,
                               Site production, Site backup, Integer recoveryMinutes) {
    }

    /** A server in a data centre, with the operator and the law it answers to (country of its head office). */
    public record Site(String server, String dataCentre, String city, String country, String operator,
                       String operatorHeadOffice, String parentGroupCountry) {
    }

    /** A security measure in force: French label, English label, value (language-neutral). */
    public record Measure(String labelFr, String labelEn, String value) {
    }

    /** A compliance rule's result. */
    public record RuleLine(String ruleId, String legalReference, String outcome, String explanationFr) {
    }

    /** The access journal's newest signed checkpoint. */
    public record Checkpoint(long seq, String headHash, Instant createdAt) {
    }
}
