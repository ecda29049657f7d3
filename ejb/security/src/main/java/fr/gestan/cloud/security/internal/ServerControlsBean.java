package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.ReferenceWrites;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.ControlEvidenceException;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerControls.Source;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class ServerControlsBean extends SecurityServiceBase implements ServerControls {

    @EJB
    SecurityPolicies policies;

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String who() {
        return actor();
    }

    private EvidenceView keep(ControlEvidence evidence, String action, String target) {
        em.persist(evidence);
        journal.record(JournalEvent.success(action, null, target));
        return evidence.toView();
    }

    private static Instant past(Instant at, Instant now) throws ControlEvidenceException {
        if (at.isAfter(now.plusSeconds(300))) {
            throw new ControlEvidenceException("evidence cannot be dated in the future");
        }
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public EvidenceView recordSnapshot(String serverRef, String snapshotRef, Instant takenAt) {
        Instant now = now();
        return keep(ControlEvidence.snapshot(serverRef, snapshotRef, min(takenAt, now), now, who()), "SNAPSHOT_RECORDED",
                serverRef + " " + snapshotRef);
    }

    @Override
    public EvidenceView recordSoftwareUpdate(String serverRef, String snapshotRef, Instant doneAt, String details)
            throws ControlEvidenceException {
        Instant now = now();
        Instant at = past(doneAt, now);
        PolicySettings policy = policies.current().settings();
        if (policy.snapshotBeforeUpdate()) {
            if (snapshotRef == null || snapshotRef.isBlank()) {
                throw new ControlEvidenceException("the policy requires a snapshot before every software update");
            }
            Optional<ControlEvidence> snapshot = em.createNamedQuery(ControlEvidence.LATEST_OF_KIND, ControlEvidence.class)
                    .setParameter("server", serverRef.strip()).setParameter("kind", ControlEvidence.Kind.SNAPSHOT.name())
                    .setMaxResults(20).getResultList().stream()
                    .filter(s -> s.snapshotRef().equals(snapshotRef.strip())).findFirst();
            if (snapshot.isEmpty() || snapshot.get().occurredAt().isAfter(at)
                    || Duration.between(snapshot.get().occurredAt(), at).toHours() >= policy.snapshotWindowHours()) {
                throw new ControlEvidenceException("snapshot " + snapshotRef + " of " + serverRef
                        + " was not taken in the " + policy.snapshotWindowHours() + " hours before the update");
            }
        }
        return keep(ControlEvidence.update(serverRef, snapshotRef, at, now, who(), details), "SOFTWARE_UPDATE_RECORDED",
                serverRef + (snapshotRef == null ? "" : " after " + snapshotRef));
    }

    @Override
    public EvidenceView recordBackup(String serverRef, Instant takenAt, long sizeBytes, String targetDataCentre, boolean verified) {
        Instant now = now();
        return keep(ControlEvidence.backup(serverRef, min(takenAt, now), now, who(), sizeBytes, targetDataCentre, verified),
                "BACKUP_RECORDED", serverRef + " to " + targetDataCentre + (verified ? " (verified)" : ""));
    }

    @Override
    public EvidenceView recordFirewallChange(String serverRef, Instant doneAt, String details) {
        Instant now = now();
        return keep(ControlEvidence.event(serverRef, ControlEvidence.Kind.FIREWALL_CHANGE, min(doneAt, now), now, who(), details),
                "FIREWALL_CHANGED", serverRef);
    }

    @Override
    public EvidenceView approveFirewallRuleSet(String serverRef, String sha256) {
        return keep(ControlEvidence.firewallApproval(serverRef, sha256, now(), who()), "FIREWALL_RULES_APPROVED",
                serverRef.strip() + " " + sha256);
    }

    @Override
    public EvidenceView recordDdosEvent(String serverRef, Instant at, String details) {
        Instant now = now();
        return keep(ControlEvidence.event(serverRef, ControlEvidence.Kind.DDOS_EVENT, min(at, now), now, who(), details),
                "DDOS_EVENT_RECORDED", serverRef);
    }

    private static Instant min(Instant at, Instant now) {
        return (at.isAfter(now) ? now : at).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ControlView> controlsOf(String serverRef) {
        return controlsOf(em, serverRef.strip(), policies.current().settings(), now());
    }

    /** Every control of one server, from its evidence (shared with the machine evidence's answer). */
    static List<ControlView> controlsOf(EntityManager em, String server, PolicySettings policy, Instant now) {
        Optional<ControlEvidence> lastVerified = latest(em, ControlEvidence.LATEST_VERIFIED_BACKUP, server, null);
        Instant lastBackup = latest(em, ControlEvidence.LATEST_OF_KIND, server, ControlEvidence.Kind.BACKUP)
                .map(ControlEvidence::occurredAt).orElse(null);
        long withoutSnapshot = em.createNamedQuery(ControlEvidence.UPDATES_WITHOUT_SNAPSHOT, Long.class)
                .setParameter("server", server).setParameter("since", now.minus(ControlRules.UPDATE_WINDOW)).getSingleResult();
        Optional<ControlEvidence> lastUpdate = latest(em, ControlEvidence.LATEST_OF_KIND, server, ControlEvidence.Kind.SOFTWARE_UPDATE);
        return List.of(
                ControlRules.from(ControlRules.backup(server, lastVerified.map(ControlEvidence::occurredAt).orElse(null), lastBackup,
                        policy, now), lastVerified.map(ServerControlsBean::source).orElse(null)),
                ControlRules.from(ControlRules.updates(server, withoutSnapshot, lastUpdate.map(ControlEvidence::occurredAt).orElse(null),
                        policy, now), lastUpdate.map(ServerControlsBean::source).orElse(null)),
                firewall(em, server),
                ddos(em, server, policy, now));
    }

    private static ControlView firewall(EntityManager em, String server) {
        ControlRules.Applied applied = latestFrom(em, server, ControlEvidence.Kind.FIREWALL_CHANGE, ControlEvidence.REPORTED)
                .map(e -> new ControlRules.Applied(e.digest(), e.occurredAt())).orElse(null);
        String approved = latest(em, ControlEvidence.LATEST_OF_KIND, server, ControlEvidence.Kind.FIREWALL_APPROVED)
                .map(ControlEvidence::digest).orElse(null);
        boolean declared = applied == null
                && latestFrom(em, server, ControlEvidence.Kind.FIREWALL_CHANGE, ControlEvidence.STAFF).isPresent();
        return ControlRules.firewall(server, applied, approved, declared);
    }

    private static ControlView ddos(EntityManager em, String server, PolicySettings policy, Instant now) {
        List<ControlRules.Attack> attacks = em.createNamedQuery(ControlEvidence.REPORTED_SINCE, ControlEvidence.class)
                .setParameter("server", server).setParameter("kind", ControlEvidence.Kind.DDOS_EVENT.name())
                .setParameter("since", now.minus(ControlRules.DDOS_WINDOW)).setMaxResults(200).getResultList().stream()
                .map(e -> new ControlRules.Attack(e.occurredAt(), e.mitigatedAt())).toList();
        boolean declared = attacks.isEmpty() && latestFrom(em, server, ControlEvidence.Kind.DDOS_EVENT, ControlEvidence.STAFF).isPresent();
        return ControlRules.ddos(server, attacks, declared, policy, now);
    }

    private static Source source(ControlEvidence e) {
        return e.reported() ? Source.REPORTED : Source.DECLARED;
    }

    private static Optional<ControlEvidence> latest(EntityManager em, String query, String server, ControlEvidence.Kind kind) {
        var q = em.createNamedQuery(query, ControlEvidence.class).setParameter("server", server);
        if (kind != null) {
            q.setParameter("kind", kind.name());
        }
        return q.setMaxResults(1).getResultList().stream().findFirst();
    }

    private static Optional<ControlEvidence> latestFrom(EntityManager em, String server, ControlEvidence.Kind kind, String source) {
        return em.createNamedQuery(ControlEvidence.LATEST_OF_KIND_FROM, ControlEvidence.class).setParameter("server", server)
                .setParameter("kind", kind.name()).setParameter("source", source).setMaxResults(1).getResultList().stream().findFirst();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<EvidenceView> evidenceOf(String serverRef, int max) {
        return em.createNamedQuery(ControlEvidence.OF_SERVER, ControlEvidence.class).setParameter("server", serverRef.strip())
                .setMaxResults(max).getResultList().stream().map(ControlEvidence::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<ControlView> failing() {
        return FAILING.get(this::computeFailing);
    }

    // The back-office dashboard's security tile at each view (5 statements over every server's evidence): kept on this
    // node while no evidence or policy is written here (ReferenceWrites), a backup falling overdue shows within 5 s.
    private static final NodeMemo<List<ControlView>> FAILING = new NodeMemo<>(5_000, ReferenceWrites.GENERATION);

    private List<ControlView> computeFailing() {
        // Computed in the database over all servers with evidence: no query per server.
        Instant now = now();
        PolicySettings policy = policies.current().settings();
        TreeSet<String> servers = new TreeSet<>(em.createNamedQuery(ControlEvidence.SERVERS_BACKUP_OVERDUE, String.class)
                .setParameter("never", Instant.EPOCH)
                .setParameter("limit", now.minus(Duration.ofHours(2L * policy.backupEveryHours()))).getResultList());
        List<ControlView> failing = new ArrayList<>();
        servers.forEach(s -> failing.add(new ControlView(s, Control.BACKUP, Status.FAILING, "backup.overdue", null)));
        if (policy.snapshotBeforeUpdate()) {
            em.createNamedQuery(ControlEvidence.SERVERS_UPDATE_WITHOUT_SNAPSHOT, String.class)
                    .setParameter("since", now.minus(ControlRules.UPDATE_WINDOW)).getResultList().stream().sorted()
                    .forEach(s -> failing.add(new ControlView(s, Control.UPDATE_SNAPSHOT, Status.FAILING, "update.withoutSnapshot", null)));
        }
        failing.addAll(firewallDrifts());
        failing.addAll(lateMitigations(policy, now));
        return failing;
    }

    /** Servers whose last reported rule set differs from the last approved one: the same rule as {@link #controlsOf}. */
    private List<ControlView> firewallDrifts() {
        Map<String, ControlEvidence> applied = newestPerServer(ControlEvidence.Kind.FIREWALL_CHANGE, List.of(ControlEvidence.REPORTED));
        Map<String, ControlEvidence> approved = newestPerServer(ControlEvidence.Kind.FIREWALL_APPROVED,
                List.of(ControlEvidence.STAFF, ControlEvidence.REPORTED));
        List<ControlView> drifts = new ArrayList<>();
        applied.forEach((server, e) -> {
            ControlEvidence approval = approved.get(server);
            ControlView view = ControlRules.firewall(server, new ControlRules.Applied(e.digest(), e.occurredAt()),
                    approval == null ? null : approval.digest(), false);
            if (view.status() == Status.FAILING) {
                drifts.add(view);
            }
        });
        return drifts;
    }

    private Map<String, ControlEvidence> newestPerServer(ControlEvidence.Kind kind, List<String> sources) {
        Map<String, ControlEvidence> newest = new TreeMap<>();
        em.createNamedQuery(ControlEvidence.LATEST_OF_KIND_EVERY_SERVER, ControlEvidence.class).setParameter("kind", kind.name())
                .setParameter("sources", sources).getResultList().forEach(e -> newest.putIfAbsent(e.serverRef(), e));
        return newest;
    }

    /** Servers with a reported DDoS attack of the last 90 days mitigated later than the policy allows, or not yet. */
    private List<ControlView> lateMitigations(PolicySettings policy, Instant now) {
        Map<String, List<ControlRules.Attack>> attacks = new TreeMap<>();
        em.createNamedQuery(ControlEvidence.REPORTED_SINCE_EVERY_SERVER, ControlEvidence.class)
                .setParameter("kind", ControlEvidence.Kind.DDOS_EVENT.name()).setParameter("since", now.minus(ControlRules.DDOS_WINDOW))
                .getResultList().forEach(e -> attacks.computeIfAbsent(e.serverRef(), s -> new ArrayList<>())
                        .add(new ControlRules.Attack(e.occurredAt(), e.mitigatedAt())));
        List<ControlView> late = new ArrayList<>();
        attacks.forEach((server, list) -> {
            ControlView view = ControlRules.ddos(server, list, false, policy, now);
            if (view.status() == Status.FAILING) {
                late.add(view);
            }
        });
        return late;
    }
}
