package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.internal.pdf.CertificateContent;
import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.ServerAvailabilityView;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a certificate states beside the rules' results, built from the same facts the rules read
 * ({@link ComplianceFactsReader.TenantDocuments}): the tenant, its contracts not terminated with their sites and
 * operators, each contract's place in its server's recovery plan, the security policy in force and the journal's
 * newest signed checkpoint. Number, dates and URL are the issuer's.
 */
public record CertificateFacts(String tenantName, List<CertificateContent.ContractLine> contracts, int policyVersion,
                        List<CertificateContent.Measure> measures, CertificateContent.Checkpoint checkpoint,
                        List<CertificateContent.AvailabilityLine> availability) {

    /**
     * Each contract's production server's availability, from the figures the hosting module computed once per server
     * and kept ({@code byServer}, read once per batch page): the same the client's dashboard shows.
     */
    static List<CertificateContent.AvailabilityLine> availability(List<ContractView> contracts, Map<Long, ServerAvailabilityView> byServer) {
        List<CertificateContent.AvailabilityLine> lines = new ArrayList<>();
        for (ContractView c : contracts) {
            ServerAvailabilityView a = byServer.get(c.productionServerId());
            if (a != null) {
                lines.add(new CertificateContent.AvailabilityLine(c.id(), a.server(), period(a.month()), period(a.year()), a.computedAt()));
            }
        }
        return lines;
    }

    private static CertificateContent.Period period(AvailabilityView.Figures f) {
        return new CertificateContent.Period(f.availabilityPercent(), f.unmonitoredPercent(), f.notInServiceDays());
    }

    /**
     * @param plans the recovery plan of a production server (by id), empty when it cannot be read; the batch
     *              memoises them per page, since every tenant of a server shares its plan
     * @param checkpoint the journal's newest signed checkpoint, if any
     */
    public static CertificateFacts of(ComplianceFactsReader.TenantDocuments docs, Function<Long, Optional<RecoveryPlanView>> plans,
                               Optional<CheckpointView> checkpoint) {
        return of(docs, plans, checkpoint, Map.of());
    }

    /** {@code availability}: every server's stored availability figures, by server id. */
    public static CertificateFacts of(ComplianceFactsReader.TenantDocuments docs, Function<Long, Optional<RecoveryPlanView>> plans,
                               Optional<CheckpointView> checkpoint, Map<Long, ServerAvailabilityView> availability) {
        ComplianceFactsReader.Shared shared = docs.shared();
        List<CertificateContent.ContractLine> lines = new ArrayList<>();
        for (ContractView c : docs.contracts()) {
            Integer minutes = plans.apply(c.productionServerId())
                    .flatMap(plan -> plan.tenants().stream().filter(t -> t.contractId() == c.id()).findFirst())
                    .map(RecoveryPlanView.TenantSlot::endMinute).orElse(null);
            lines.add(new CertificateContent.ContractLine(c.id(), c.offer(), c.startsOn(), c.endsOn(), c.serviceLevel().name(),
                    site(c.productionServer(), c.productionDataCentre(), shared.dataCentres(), shared.operators()),
                    c.backupServer() == null ? null : site(c.backupServer(), c.backupDataCentre(), shared.dataCentres(), shared.operators()),
                    minutes));
        }
        PolicySettings policy = shared.policy();
        return new CertificateFacts(docs.tenant().legalName(), lines, shared.policyVersion(),
                policy == null ? List.of() : measures(policy, shared.transport()), checkpoint.map(CertificateFacts::checkpoint).orElse(null),
                availability(docs.contracts(), availability));
    }

    private static CertificateContent.Checkpoint checkpoint(CheckpointView v) {
        return new CertificateContent.Checkpoint(v.seq(), v.headHash(), v.createdAt());
    }

    private static CertificateContent.Site site(String server, String dcCode, Map<String, DataCentreView> dcs, Map<String, OperatorView> ops) {
        DataCentreView dc = dcCode == null ? null : dcs.get(dcCode);
        OperatorView op = dc == null || dc.operatorName() == null ? null : ops.get(dc.operatorName());
        return new CertificateContent.Site(server, dcCode, dc == null ? null : dc.city(), dc == null ? null : dc.countryCode(),
                dc == null ? null : dc.operatorName(), op == null ? null : op.headOfficeCountry(), op == null ? null : op.parentGroupCountry());
    }

    /** The policy's settings as printed measures (French label, English label, value). */
    /** {@code transport}: the running configuration, which the TLS line states ({@code null}: not read on this node). */
    static List<CertificateContent.Measure> measures(PolicySettings p, RunningTransport transport) {
        List<CertificateContent.Measure> m = new ArrayList<>();
        m.add(new CertificateContent.Measure("Protection contre la force brute : verrouillage après échecs",
                "Brute-force protection: lockout after failures", p.bruteForceFailureFactor() + ""));
        m.add(new CertificateContent.Measure("Durée maximale de verrouillage", "Longest lockout",
                p.bruteForcePermanentLockout() ? "permanent" : minutes(p.bruteForceMaxWaitSeconds())));
        m.add(new CertificateContent.Measure("Identifiants générés : longueur minimale", "Generated credentials: minimum length",
                p.credentialMinLength() + " / " + p.credentialMinClasses() + " classes"));
        m.add(new CertificateContent.Measure("Expiration des sessions inactives", "Idle session timeout", p.sessionTimeoutMinutes() + "\u00A0min"));
        m.add(new CertificateContent.Measure("Durée maximale d'une session", "Longest session", p.sessionMaxHours() + "\u00A0h"));
        m.add(new CertificateContent.Measure("Mots de passe : longueur minimale / derniers non réutilisables",
                "Passwords: minimum length / last ones not reused", p.passwordMinLength() + " / " + p.passwordHistory()));
        // "TLS required" as the server runs, not as the policy says
        m.add(new CertificateContent.Measure("HTTPS (TLS) uniquement, relevé sur le serveur", "HTTPS (TLS) only, read on the server",
                transport == null ? "non relevé / not read" : yes(transport.httpsOnlyRunning())
                        + (transport.protocols().isEmpty() ? "" : " (" + String.join(", ", transport.protocols()) + ")")));
        m.add(new CertificateContent.Measure("Fréquence des sauvegardes", "Backup frequency", p.backupEveryHours() + "\u00A0h"));
        m.add(new CertificateContent.Measure("Rétention des sauvegardes", "Backup retention", p.backupRetentionDays() + " jours / days"));
        m.add(new CertificateContent.Measure("Instantané système avant chaque mise à jour", "System snapshot before each update", yes(p.snapshotBeforeUpdate())));
        m.add(new CertificateContent.Measure("Surveillance : seuils d'alerte processeur / disque / mémoire", "Monitoring: CPU / disk / memory alert thresholds",
                p.monitorCpuPercent() + "\u202F% / " + p.monitorDiskPercent() + "\u202F% / " + p.monitorMemoryPercent() + "\u202F%"));
        m.add(new CertificateContent.Measure("Attaques DDoS atténuées en au plus", "DDoS attacks mitigated within", p.ddosMitigationHours() + "\u00A0h"));
        return m;
    }

    private static String minutes(int seconds) {
        return seconds >= 60 ? seconds / 60 + "\u00A0min" : seconds + "\u00A0s";
    }

    private static String yes(boolean b) {
        return b ? "oui / yes" : "non / no";
    }
}
