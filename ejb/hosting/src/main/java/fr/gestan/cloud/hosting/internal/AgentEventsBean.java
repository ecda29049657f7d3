package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.DemoMode;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.hosting.api.AgentEvent;
import fr.gestan.cloud.hosting.api.AgentEventRejectedException;
import fr.gestan.cloud.hosting.api.AgentEventView;
import fr.gestan.cloud.hosting.api.AgentEvents;
import fr.gestan.cloud.hosting.api.AgentReceipt;
import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.security.api.MachineEvidence;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.ReporterJournal;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The agent API's business side: finds the reporter by its token, checks the whole batch before storing anything
 * (all or nothing), stores each new event once with its verdict, and journals server sign-ins for every tenant
 * hosted on the server, with the server as actor.
 */
@ValidatesBusinessInterface
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class AgentEventsBean implements AgentEvents {

    static final String OK = "OK";
    static final String ATTENTION = "ATTENTION";
    static final String FAILING = "FAILING";

    @PersistenceContext(unitName = "hosting")
    EntityManager em;

    // current() is @PermitAll: the reporters are anonymous callers that proved themselves with a token.
    @EJB
    SecurityPolicies policies;

    @EJB
    ReporterJournal journal;

    @EJB
    MachineEvidence evidence;

    @EJB
    ServerIdentities identities;

    @EJB
    fr.gestan.cloud.common.notify.Notifications notifications;

    /** Who posts: a server's own agent (about itself) or a sub-processor (about the server each event names). */
    private record Reporter(String name, HostingServer server, Set<AgentRules.Kind> kinds) {
    }

    @Override
    @PermitAll
    public AgentReceipt receive(String token, List<AgentEvent> events) {
        Reporter reporter = reporter(token);
        if (events == null || events.isEmpty()) {
            throw new AgentEventRejectedException(400, "empty-batch", -1, "events");
        }
        if (events.size() > MAX_EVENTS) {
            throw new AgentEventRejectedException(413, "too-many-events", -1, "events");
        }
        Instant now = Instant.now();
        // Every event is checked before any is stored: a refusal names one event and stores nothing.
        List<AgentRules.Checked> checked = new ArrayList<>();
        List<HostingServer> servers = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            AgentRules.Checked event = AgentRules.check(i, events.get(i), reporter.kinds(), reporter.server() == null, now);
            servers.add(serverOf(reporter, event));
            checked.add(event);
        }
        PolicySettings policy = policies.current().settings();
        List<AgentReceipt.Result> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int accepted = 0;
        for (int i = 0; i < checked.size(); i++) {
            AgentRules.Checked event = checked.get(i);
            boolean duplicate = !seen.add(event.id()) || em.createNamedQuery(AgentEventRecord.EXISTS, Long.class)
                    .setParameter("reporter", reporter.name()).setParameter("eventId", event.id()).getSingleResult() > 0;
            if (duplicate) {
                results.add(new AgentReceipt.Result(i, event.id(), event.kind().code(), "duplicate", null, null));
                continue;
            }
            String[] verdict = apply(reporter, event, servers.get(i), policy, now);
            em.persist(new AgentEventRecord(reporter.name(), event, servers.get(i), now, verdict[0], verdict[1]));
            if (servers.get(i) != null) {
                StatusBoardCache.reported(servers.get(i).id()); // silent until now: the public board shows it again
            }
            results.add(new AgentReceipt.Result(i, event.id(), event.kind().code(), "accepted", verdict[0], verdict[1]));
            accepted++;
        }
        return new AgentReceipt(reporter.name(), accepted, checked.size() - accepted, results);
    }

    private Reporter reporter(String token) {
        if (token == null || token.isBlank()) {
            throw new AgentEventRejectedException(401, "invalid-token", -1, null);
        }
        // Found by the SHA-256 of the token: the token itself is never stored, and a random token cannot be guessed
        // from its hash; the same answer for every failure, so the API does not reveal what exists.
        // The demo tokens are published (docs): outside demo mode they are refused even if a database seeded in demo
        // mode still holds them.
        if (!DemoMode.enabled() && (ContractsDemoData.DEMO_MONITORING_TOKEN.equals(token.strip())
                || ContractsDemoData.DEMO_REPORTER_TOKEN.equals(token.strip()))) {
            throw new AgentEventRejectedException(401, "invalid-token", -1, null);
        }
        String hash = HostingServer.sha256(token.strip());
        HostingServer server = em.createNamedQuery(HostingServer.BY_TOKEN, HostingServer.class).setParameter("hash", hash)
                .getResultList().stream().findFirst().orElse(null);
        // The reporter's row is locked until the batch commits: a retry sent while the first try is still being
        // stored waits, then finds its events and answers "duplicate" (instead of failing on the unique key).
        if (server != null) {
            em.lock(server, LockModeType.PESSIMISTIC_WRITE);
            return new Reporter("server:" + server.name(), server, AgentRules.SERVER_KINDS);
        }
        AgentReporter other = em.createNamedQuery(AgentReporter.BY_TOKEN, AgentReporter.class).setParameter("hash", hash)
                .getResultList().stream().findFirst().orElse(null);
        if (other != null) {
            em.lock(other, LockModeType.PESSIMISTIC_WRITE);
            return new Reporter("subprocessor:" + other.name(), null, other.kinds());
        }
        throw new AgentEventRejectedException(401, "invalid-token", -1, null);
    }

    private HostingServer serverOf(Reporter reporter, AgentRules.Checked event) {
        if (reporter.server() != null) {
            // A server's agent speaks for itself only.
            if (event.server() != null && !event.server().equals(reporter.server().name())) {
                throw new AgentEventRejectedException(403, "other-server", event.index(), "server");
            }
            return reporter.server();
        }
        return em.createNamedQuery(HostingServer.BY_NAME, HostingServer.class).setParameter("name", event.server())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new AgentEventRejectedException(400, "unknown-server", event.index(), "server"));
    }

    /** Applies one new event; answers its verdict and reason. */
    private String[] apply(Reporter reporter, AgentRules.Checked event, HostingServer server, PolicySettings policy, Instant now) {
        return switch (event.kind()) {
            case METRICS -> {
                List<String> exceeded = MonitoringBean.apply(em, server, new MetricSample((BigDecimal) event.value("cpuPercent"),
                        (BigDecimal) event.value("diskPercent"), (BigDecimal) event.value("memoryPercent"), event.at()), policy, now);
                yield exceeded.isEmpty() ? new String[]{OK, null} : new String[]{ATTENTION, "threshold-exceeded:" + String.join(",", exceeded)};
            }
            case BACKUP -> {
                String[] verdict = backupVerdict(server, event);
                // a backup in the wrong place, or not restore-tested, is no verified backup for the control
                evidence.record(reporter.name(), MachineEvidence.Reported.backup(server.name(), event.at(), (String) event.value("archiveId"),
                        (Long) event.value("bytes"), (String) event.value("targetDataCentre"), OK.equals(verdict[0]),
                        event.value("tool") + (verdict[1] == null ? "" : " " + verdict[1])));
                yield verdict;
            }
            case SNAPSHOT -> {
                evidence.record(reporter.name(), MachineEvidence.Reported.snapshot(server.name(), event.at(), (String) event.value("snapshotId")));
                yield new String[]{OK, null};
            }
            case SOFTWARE_UPDATE -> updateVerdict(reporter, server, event, policy);
            case SERVER_ACCESS -> {
                // matched against the staff's server identities: an unknown or uncleared one raises an alert
                ServerIdentities.AccessCheck check = identities.check(reporter.name(), new ServerIdentities.Access(server.name(),
                        (String) event.value("account"), (String) event.value("keyFingerprint"), (String) event.value("address"),
                        (String) event.value("method"), event.at()));
                journalAccess(reporter, server, event, check.username());
                yield check.alerted() ? new String[]{FAILING, check.alert() == ServerIdentities.AlertReason.UNKNOWN_IDENTITY
                        ? "unknown-identity" : "not-cleared-support"} : new String[]{OK, null};
            }
            case FIREWALL_APPLIED -> {
                ControlView control = evidence.record(reporter.name(),
                        MachineEvidence.Reported.firewall(server.name(), event.at(), (String) event.value("ruleSetSha256")));
                yield verdictOf(control);
            }
            case DDOS -> {
                Instant mitigated = (Instant) event.value("mitigatedAt");
                evidence.record(reporter.name(), MachineEvidence.Reported.ddos(server.name(), event.at(), mitigated,
                        event.value("vector") == null ? null : "vector " + event.value("vector")));
                yield ddosVerdict(event.at(), mitigated, policy, now);
            }
        };
    }

    /** The control's status as this event's verdict (its reason with dashes: {@code firewall.drift} → {@code firewall-drift}). */
    private static String[] verdictOf(ControlView control) {
        return switch (control.status()) {
            case FAILING -> new String[]{FAILING, control.reason().replace('.', '-')};
            case ATTENTION -> new String[]{ATTENTION, control.reason().replace('.', '-')};
            default -> new String[]{OK, null};
        };
    }

    /** An attack must be mitigated within the policy's hours; one still going on within them needs attention. */
    static String[] ddosVerdict(Instant startedAt, Instant mitigatedAt, PolicySettings policy, Instant now) {
        Duration allowed = Duration.ofHours(policy.ddosMitigationHours());
        Duration took = Duration.between(startedAt, mitigatedAt == null ? now : mitigatedAt);
        if (took.compareTo(allowed) > 0) {
            return new String[]{FAILING, mitigatedAt == null ? "ddos-unmitigated" : "ddos-slow-mitigation"};
        }
        return mitigatedAt == null ? new String[]{ATTENTION, "ddos-not-mitigated-yet"} : new String[]{OK, null};
    }

    /** A backup must land outside the production site and in France (the contract's promise). */
    private String[] backupVerdict(HostingServer server, AgentRules.Checked event) {
        String target = (String) event.value("targetDataCentre");
        DataCentre site = em.createNamedQuery(DataCentre.BY_CODE, DataCentre.class).setParameter("code", target)
                .getResultList().stream().findFirst().orElse(null);
        if (site == null) {
            return new String[]{FAILING, "backup-unknown-site"};
        }
        if (!"FR".equals(site.countryCode())) {
            return new String[]{FAILING, "backup-outside-france"};
        }
        if (site.code().equals(server.dataCentre().code())) {
            return new String[]{FAILING, "backup-same-site"};
        }
        return Boolean.TRUE.equals(event.value("verified")) ? new String[]{OK, null} : new String[]{ATTENTION, "backup-not-verified"};
    }

    /**
     * An update needs a snapshot of the same server in the policy's window before it (events of this batch count);
     * the control evidence names that snapshot (its event id), or none.
     */
    private String[] updateVerdict(Reporter reporter, HostingServer server, AgentRules.Checked event, PolicySettings policy) {
        String snapshot = em.createNamedQuery(AgentEventRecord.SNAPSHOTS_BETWEEN, String.class).setParameter("server", server.id())
                .setParameter("from", event.at().minus(Duration.ofHours(policy.snapshotWindowHours())))
                .setParameter("to", event.at()).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        // the evidence names the snapshot found, or none (the control fails it only when the policy requires one)
        evidence.record(reporter.name(), MachineEvidence.Reported.update(server.name(), event.at(),
                snapshot, (String) event.value("packages")));
        if (!policy.snapshotBeforeUpdate()) {
            return new String[]{OK, null};
        }
        return snapshot != null ? new String[]{OK, null} : new String[]{FAILING, "update-without-snapshot"};
    }

    /** "Every access to the servers is recorded": one entry per tenant hosted on the server, the server as actor. */
    private void journalAccess(Reporter reporter, HostingServer server, AgentRules.Checked event, String staff) {
        String target = server.name() + " " + event.value("method") + " " + event.value("account") + "@" + event.value("address")
                + " from " + event.at() + (event.value("endedAt") == null ? "" : " until " + event.value("endedAt"))
                + (staff == null ? " (unknown identity)" : " (staff " + staff + ")");
        List<String> tenants = em.createNamedQuery(HostingContract.ON_SERVER, Object[].class).setParameter("server", server.id())
                .getResultList().stream().map(row -> (String) row[1]).distinct().toList();
        String address = (String) event.value("address");
        if (tenants.isEmpty()) {
            journal.record(reporter.name(), JournalEvent.success("SERVER_ACCESS", null, target).withSourceIp(address));
        }
        for (String siren : tenants) {
            long entry = journal.record(reporter.name(), JournalEvent.success("SERVER_ACCESS", siren, target).withSourceIp(address));
            // a staff-access notice to the tenant's security contact, naming the entry (docs/notifications.md)
            notifications.publish(serverAccessNotice(siren, target, staff, event.value("account") + "@" + address, entry));
        }
    }

    /** The staff-access notice of a server sign-in: who (the staff member, or the identity unknown), what, the entry. */
    static fr.gestan.cloud.common.notify.Notice serverAccessNotice(String siren, String target, String staff, String identity, long entry) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("action", "SERVER_ACCESS");
        facts.put("target", target);
        facts.put("reason", "—");
        facts.put("journalEntry", Long.toString(entry));
        facts.put("actor", staff != null ? staff : "? " + identity);
        return new fr.gestan.cloud.common.notify.Notice(fr.gestan.cloud.common.notify.NoticeKind.STAFF_ACCESS, siren,
                Set.of(), Set.of(), facts);
    }

    @Override
    public List<AgentEventView> reportedFor(String serverName, int first, int max) {
        return em.createNamedQuery(AgentEventRecord.OF_SERVER_NAMED, AgentEventRecord.class).setParameter("name", serverName.strip())
                .setFirstResult(first).setMaxResults(max).getResultList().stream().map(AgentEventRecord::toView).toList();
    }

    @Override
    public List<AgentEventView> ofServer(long serverId, int first, int max) {
        return em.createNamedQuery(AgentEventRecord.OF_SERVER, AgentEventRecord.class).setParameter("server", serverId)
                .setFirstResult(first).setMaxResults(max).getResultList().stream().map(AgentEventRecord::toView).toList();
    }
}
