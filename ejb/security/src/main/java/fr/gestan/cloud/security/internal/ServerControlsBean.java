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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public Map<String, List<ControlView>> controlsOfAll(Collection<String> serverRefs) {
        return controlsOfAll(em, serverRefs.stream().map(String::strip).toList(), policies.current().settings(), now());
    }

    /** Every control of one server, from its evidence (shared with the machine evidence's answer). */
    static List<ControlView> controlsOf(EntityManager em, String server, PolicySettings policy, Instant now) {
        return controlsOfAll(em, List.of(server), policy, now).get(server);
    }

    /** The newest evidence reported by a server's agent, or declared by staff, of the kinds the controls look at. */
    private static final List<String> NEWEST_KINDS = List.of(ControlEvidence.Kind.BACKUP.name(), ControlEvidence.Kind.SOFTWARE_UPDATE.name(),
            ControlEvidence.Kind.FIREWALL_CHANGE.name(), ControlEvidence.Kind.FIREWALL_APPROVED.name(), ControlEvidence.Kind.DDOS_EVENT.name());
    /** Reported DDoS attacks looked at per server, newest first. */
    private static final int ATTACKS = 200;

    /**
     * Every control of each of {@code servers}, from their evidence: four statements whatever their number (each kind
     * of fact for all of them; issue 19: a certificate batch page's servers cost eight statements each). Each server's
     * newest evidence of a kind breaks ties on the time by the newest id, as a server's own history lists it.
     */
    static Map<String, List<ControlView>> controlsOfAll(EntityManager em, Collection<String> servers, PolicySettings policy, Instant now) {
        Map<String, List<ControlView>> controls = new LinkedHashMap<>();
        if (servers.isEmpty()) {
            return controls;
        }
        // per server, kind and source: the newest (several when at the same time)
        Map<String, ControlEvidence> newest = new HashMap<>();
        for (ControlEvidence e : em.createNamedQuery(ControlEvidence.NEWEST_PER_SOURCE_OF_SERVERS, ControlEvidence.class)
                .setParameter("servers", servers).setParameter("kinds", NEWEST_KINDS).getResultList()) {
            newest.merge(e.serverRef() + '|' + e.kind() + '|' + (e.reported() ? ControlEvidence.REPORTED : ControlEvidence.STAFF), e,
                    ServerControlsBean::newer);
        }
        Map<String, ControlEvidence> lastVerified = new HashMap<>();
        for (ControlEvidence e : em.createNamedQuery(ControlEvidence.LATEST_VERIFIED_BACKUP_OF_SERVERS, ControlEvidence.class)
                .setParameter("servers", servers).getResultList()) {
            lastVerified.merge(e.serverRef(), e, ServerControlsBean::newer);
        }
        Map<String, Long> withoutSnapshot = new HashMap<>();
        for (Object[] row : em.createNamedQuery(ControlEvidence.UPDATES_WITHOUT_SNAPSHOT_OF_SERVERS, Object[].class)
                .setParameter("servers", servers).setParameter("since", now.minus(ControlRules.UPDATE_WINDOW)).getResultList()) {
            withoutSnapshot.put((String) row[0], (Long) row[1]);
        }
        Map<String, List<ControlRules.Attack>> attacks = new HashMap<>();
        for (ControlEvidence e : em.createNamedQuery(ControlEvidence.REPORTED_SINCE_OF_SERVERS, ControlEvidence.class)
                .setParameter("servers", servers).setParameter("kind", ControlEvidence.Kind.DDOS_EVENT.name())
                .setParameter("since", now.minus(ControlRules.DDOS_WINDOW)).getResultList()) {
            List<ControlRules.Attack> list = attacks.computeIfAbsent(e.serverRef(), s -> new ArrayList<>());
            if (list.size() < ATTACKS) {
                list.add(new ControlRules.Attack(e.occurredAt(), e.mitigatedAt()));
            }
        }
        for (String server : servers) {
            Optional<ControlEvidence> verified = Optional.ofNullable(lastVerified.get(server));
            Optional<ControlEvidence> lastBackup = latest(newest, server, ControlEvidence.Kind.BACKUP);
            Optional<ControlEvidence> lastUpdate = latest(newest, server, ControlEvidence.Kind.SOFTWARE_UPDATE);
            List<ControlRules.Attack> attacked = attacks.getOrDefault(server, List.of());
            controls.put(server, List.of(
                    ControlRules.from(ControlRules.backup(server, verified.map(ControlEvidence::occurredAt).orElse(null),
                            lastBackup.map(ControlEvidence::occurredAt).orElse(null), policy, now), verified.map(ServerControlsBean::source).orElse(null)),
                    ControlRules.from(ControlRules.updates(server, withoutSnapshot.getOrDefault(server, 0L),
                            lastUpdate.map(ControlEvidence::occurredAt).orElse(null), policy, now), lastUpdate.map(ServerControlsBean::source).orElse(null)),
                    firewall(newest, server),
                    ControlRules.ddos(server, attacked, attacked.isEmpty()
                            && newest.containsKey(key(server, ControlEvidence.Kind.DDOS_EVENT, ControlEvidence.STAFF)), policy, now)));
        }
        return controls;
    }

    private static ControlView firewall(Map<String, ControlEvidence> newest, String server) {
        ControlEvidence reported = newest.get(key(server, ControlEvidence.Kind.FIREWALL_CHANGE, ControlEvidence.REPORTED));
        ControlRules.Applied applied = reported == null ? null : new ControlRules.Applied(reported.digest(), reported.occurredAt());
        String approved = latest(newest, server, ControlEvidence.Kind.FIREWALL_APPROVED).map(ControlEvidence::digest).orElse(null);
        boolean declared = applied == null && newest.containsKey(key(server, ControlEvidence.Kind.FIREWALL_CHANGE, ControlEvidence.STAFF));
        return ControlRules.firewall(server, applied, approved, declared);
    }

    private static String key(String server, ControlEvidence.Kind kind, String source) {
        return server + '|' + kind.name() + '|' + source;
    }

    /** A server's newest evidence of a kind, whoever stands behind it. */
    private static Optional<ControlEvidence> latest(Map<String, ControlEvidence> newest, String server, ControlEvidence.Kind kind) {
        ControlEvidence staff = newest.get(key(server, kind, ControlEvidence.STAFF));
        ControlEvidence reported = newest.get(key(server, kind, ControlEvidence.REPORTED));
        return Optional.ofNullable(staff == null ? reported : reported == null ? staff : newer(staff, reported));
    }

    /** The newer of two pieces of evidence: the later, or at the same time the later recorded (higher id). */
    private static ControlEvidence newer(ControlEvidence a, ControlEvidence b) {
        int byTime = a.occurredAt().compareTo(b.occurredAt());
        return byTime > 0 || byTime == 0 && a.id() > b.id() ? a : b;
    }

    private static Source source(ControlEvidence e) {
        return e.reported() ? Source.REPORTED : Source.DECLARED;
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
