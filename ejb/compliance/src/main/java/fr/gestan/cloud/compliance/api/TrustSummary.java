package fr.gestan.cloud.compliance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The promises of the home page and the summary of /trust, each with its live proof, read from the same sources as the
 * /trust statement and the processor agreements (the security policy, the recovery plan, the running transport, the
 * journal, the status page, the operators, data centres and sub-processors). Values a source does not give are null.
 *
 * @param worstCaseMinutes the recovery plan's total for the most loaded production server (the staff plan's own
 *                         computation), with its number of clients and its name
 * @param uptimePercent    the production servers' mean uptime over the status page's 90 days
 * @param operatorNames    the hosting operators of the data centres, by legal name (the home page names them)
 */
public record TrustSummary(LocalDate writtenOn,
                           Integer bruteForceFailures, Boolean bruteForcePermanent, Integer ddosMitigationHours,
                           Boolean snapshotBeforeUpdate, Integer backupEveryHours, Integer backupRetentionDays,
                           int newServerMinutes, int remountMinutes, int perTenantMinutes,
                           Integer worstCaseMinutes, Integer worstCaseClients, String worstCaseServer,
                           boolean httpsOnly, int hstsDays,
                           List<String> serverCountries, List<String> operatorNames, boolean serversInEu, boolean operatorsInEu,
                           Long journalSize, Instant lastCheckpointAt, Instant lastVerificationAt, Boolean lastVerificationIntact,
                           Double uptimePercent,
                           List<Certification> certifications, List<SubProcessor> subProcessors) {

    public TrustSummary {
        serverCountries = List.copyOf(serverCountries);
        operatorNames = List.copyOf(operatorNames);
        certifications = List.copyOf(certifications);
        subProcessors = List.copyOf(subProcessors);
    }

    /** A data centre's certification and its expiry ({@code valid} on {@code writtenOn}). */
    public record Certification(String dataCentre, String city, String name, String issuer, LocalDate expiresOn, boolean valid) {
    }

    /** A sub-processor in effect, as the processor agreements list it ({@code dataCentres} empty: every server). */
    public record SubProcessor(String name, String role, String country, String city, String servicesFr, String servicesEn,
                               List<String> dataCentres, LocalDate since) {
        public SubProcessor {
            dataCentres = List.copyOf(dataCentres);
        }
    }
}
