package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.compliance.internal.pdf.CertificateContent;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what a certificate states from the other modules' public APIs, as an auditor (read-only): the tenant, its
 * contracts with their sites and operators, each contract's place in the recovery plan, the security policy in
 * force and the journal's newest signed checkpoint.
 */
@Stateless
@LocalBean
@RunAs(Roles.AUDITOR)
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class CertificateContentReader {

    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;
    @EJB
    HostingInventory inventory;
    @EJB
    RecoveryPlans recovery;
    @EJB
    SecurityPolicies policies;
    @EJB
    JournalIntegrity journal;

    /** The facts without number, dates and URL (the issuer adds them). */
    record Facts(String tenantName, List<CertificateContent.ContractLine> contracts, int policyVersion,
                 List<CertificateContent.Measure> measures, CertificateContent.Checkpoint checkpoint) {
    }

    public Facts read(String siren) throws TenantNotFoundException {
        TenantView tenant = tenants.bySiren(siren);
        Map<String, DataCentreView> dcs = inventory.dataCentres().stream()
                .collect(Collectors.toMap(DataCentreView::code, Function.identity(), (a, b) -> a));
        Map<String, OperatorView> ops = inventory.operators().stream()
                .collect(Collectors.toMap(OperatorView::legalName, Function.identity(), (a, b) -> a));
        Map<Long, RecoveryPlanView> plans = new HashMap<>();
        List<CertificateContent.ContractLine> lines = new ArrayList<>();
        for (ContractView c : contracts.list(siren, 0, ComplianceFactsReader.MAX_CONTRACTS)) {
            if (c.status() != ContractStatus.ACTIVE && c.status() != ContractStatus.DRAFT) {
                continue;
            }
            Integer minutes = null;
            RecoveryPlanView plan = plans.computeIfAbsent(c.productionServerId(), this::planOrNull);
            if (plan != null) {
                minutes = plan.tenants().stream().filter(t -> t.contractId() == c.id()).findFirst()
                        .map(RecoveryPlanView.TenantSlot::endMinute).orElse(null);
            }
            lines.add(new CertificateContent.ContractLine(c.id(), c.offer(), c.startsOn(), c.endsOn(), c.serviceLevel().name(),
                    site(c.productionServer(), c.productionDataCentre(), dcs, ops),
                    c.backupServer() == null ? null : site(c.backupServer(), c.backupDataCentre(), dcs, ops), minutes));
        }
        PolicyVersionView policy = policies.current();
        CertificateContent.Checkpoint checkpoint = journal.latestCheckpoint()
                .map(CertificateContentReader::checkpoint).orElse(null);
        return new Facts(tenant.legalName(), lines, policy == null ? 0 : policy.version(),
                policy == null ? List.of() : measures(policy.settings()), checkpoint);
    }

    private RecoveryPlanView planOrNull(long serverId) {
        try {
            return recovery.plan(serverId);
        } catch (HostingRefusedException e) {
            return null;
        }
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
    static List<CertificateContent.Measure> measures(PolicySettings p) {
        List<CertificateContent.Measure> m = new ArrayList<>();
        m.add(new CertificateContent.Measure("Protection contre la force brute : verrouillage après échecs",
                "Brute-force protection: lockout after failures", p.bruteForceFailureFactor() + ""));
        m.add(new CertificateContent.Measure("Durée maximale de verrouillage", "Longest lockout",
                p.bruteForcePermanentLockout() ? "permanent" : minutes(p.bruteForceMaxWaitSeconds())));
        m.add(new CertificateContent.Measure("Identifiants générés : longueur minimale", "Generated credentials: minimum length",
                p.credentialMinLength() + " / " + p.credentialMinClasses() + " classes"));
        m.add(new CertificateContent.Measure("Expiration des sessions inactives", "Idle session timeout", p.sessionTimeoutMinutes() + "\u00A0min"));
        m.add(new CertificateContent.Measure("Chiffrement TLS (HTTPS) obligatoire", "TLS (HTTPS) required", yes(p.tlsRequired())));
        m.add(new CertificateContent.Measure("Fréquence des sauvegardes", "Backup frequency", p.backupEveryHours() + "\u00A0h"));
        m.add(new CertificateContent.Measure("Rétention des sauvegardes", "Backup retention", p.backupRetentionDays() + " jours / days"));
        m.add(new CertificateContent.Measure("Instantané système avant chaque mise à jour", "System snapshot before each update", yes(p.snapshotBeforeUpdate())));
        m.add(new CertificateContent.Measure("Surveillance : seuils d'alerte processeur / disque", "Monitoring: CPU / disk alert thresholds",
                p.monitorCpuPercent() + "\u202F% / " + p.monitorDiskPercent() + "\u202F%"));
        return m;
    }

    private static String minutes(int seconds) {
        return seconds >= 60 ? seconds / 60 + "\u00A0min" : seconds + "\u00A0s";
    }

    private static String yes(boolean b) {
        return b ? "oui / yes" : "non / no";
    }
}
