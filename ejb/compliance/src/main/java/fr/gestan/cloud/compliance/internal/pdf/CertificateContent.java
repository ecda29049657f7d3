package fr.gestan.cloud.compliance.internal.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything a certificate states, gathered from the other modules' public APIs before rendering: the renderer
 * reads nothing else, so the same content always gives the same text.
 */
public record CertificateContent(String number, String tenantName, String tenantSiren, List<ContractLine> contracts,
                                 int policyVersion, List<Measure> measures, List<RuleLine> rules,
                                 Checkpoint checkpoint, Instant issuedAt, Instant validUntil, String verificationUrl,
                                 String supersedes, List<AvailabilityLine> availability, List<Obligation> clientObligations) {

    /**
     * Every list copied into one class, whatever its size and whoever built it: {@code List.copyOf} gives one class for
     * one or two elements and another for none or more, so the renderer compiled on one content met the other in the
     * batch (a {@code class_check} deoptimization of the whole renderer on the batch's first certificates).
     */
    public CertificateContent {
        contracts = fixed(contracts);
        measures = fixed(measures);
        rules = fixed(rules);
        availability = fixed(availability == null ? List.of() : availability);
        clientObligations = fixed(clientObligations == null ? List.of() : clientObligations);
    }

    /** An unmodifiable copy, always of the same class. */
    private static <T> List<T> fixed(List<T> list) {
        List<T> copy = new ArrayList<>(list.size());
        for (T t : list) {
            copy.add(java.util.Objects.requireNonNull(t));
        }
        return Collections.unmodifiableList(copy);
    }

    /** Without availability figures nor client obligations (none printed). */
    public CertificateContent(String number, String tenantName, String tenantSiren, List<ContractLine> contracts,
                              int policyVersion, List<Measure> measures, List<RuleLine> rules,
                              Checkpoint checkpoint, Instant issuedAt, Instant validUntil, String verificationUrl,
                              String supersedes) {
        this(number, tenantName, tenantSiren, contracts, policyVersion, measures, rules, checkpoint, issuedAt, validUntil,
                verificationUrl, supersedes, List.of(), List.of());
    }

    /**
     * A contract's production server's availability, the figures the client's dashboard shows (computed once per
     * server by the hosting module, at {@code computedAt}): this month and over 12 months.
     */
    public record AvailabilityLine(long contractId, String server, Period month, Period year, Instant computedAt) {
    }

    /**
     * One period: availability of the monitored time ({@code null}: nothing monitored), the unmonitored share of the
     * time the server existed, and the whole days before it was commissioned (not applicable).
     */
    public record Period(Double availabilityPercent, double unmonitoredPercent, long notInServiceDays) {
    }

    /**
     * One of the client's own to-dos (rule, finding code, evidence): printed as the client's obligation, apart from the
     * rules' results, which state our part.
     */
    public record Obligation(String ruleId, String code, String evidence) {
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

    /**
     * A compliance rule's result: our part's outcome ({@code PASS}...), or {@code CLIENT_OBLIGATIONS} when our part is
     * met and the client has to-dos in it (listed apart).
     */
    public record RuleLine(String ruleId, String legalReference, String outcome, String explanationFr) {
    }

    /** The access journal's newest signed checkpoint. */
    public record Checkpoint(long seq, String headHash, Instant createdAt) {
    }
}
