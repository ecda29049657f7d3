package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.ServerControls.Control;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import fr.gestan.cloud.security.api.ServerControls.Source;
import fr.gestan.cloud.security.api.ServerControls.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a control's status follows from its evidence and its freshness, as trust-centre monitors do. Reasons are
 * message key suffixes ({@code control.reason.*}). Firewall and DDoS rest on machine evidence only (what the
 * server's agent or a sub-processor reported): without it they are {@code NO_EVIDENCE}, never OK.
 */
final class ControlRules {

    static final Duration RECENT = Duration.ofHours(24);
    static final Duration UPDATE_WINDOW = Duration.ofDays(90);
    /** How far back reported DDoS attacks are looked at. */
    static final Duration DDOS_WINDOW = Duration.ofDays(90);

    /** A reported rule set applied on a server: its SHA-256 and when it was applied. */
    record Applied(String digest, Instant at) {
    }

    /** A reported DDoS attack: its start and when it was mitigated ({@code null}: not yet). */
    record Attack(Instant startedAt, Instant mitigatedAt) {
    }

    private ControlRules() {
    }

    /** OK within one backup interval of the last verified backup, attention within two, failing beyond or without. */
    static ControlView backup(String server, Instant lastVerified, Instant lastAny, PolicySettings policy, Instant now) {
        Duration every = Duration.ofHours(policy.backupEveryHours());
        if (lastVerified == null) {
            return new ControlView(server, Control.BACKUP, Status.FAILING,
                    lastAny == null ? "backup.none" : "backup.unverified", lastAny);
        }
        Duration age = Duration.between(lastVerified, now);
        if (age.compareTo(every) <= 0) {
            return new ControlView(server, Control.BACKUP, Status.OK, "backup.fresh", lastVerified);
        }
        if (age.compareTo(every.multipliedBy(2)) <= 0) {
            return new ControlView(server, Control.BACKUP, Status.ATTENTION, "backup.late", lastVerified);
        }
        return new ControlView(server, Control.BACKUP, Status.FAILING, "backup.overdue", lastVerified);
    }

    static ControlView updates(String server, long withoutSnapshot, Instant lastUpdate, PolicySettings policy, Instant now) {
        if (policy.snapshotBeforeUpdate() && withoutSnapshot > 0) {
            return new ControlView(server, Control.UPDATE_SNAPSHOT, Status.FAILING, "update.withoutSnapshot", lastUpdate);
        }
        if (lastUpdate == null) {
            return new ControlView(server, Control.UPDATE_SNAPSHOT, Status.NO_EVIDENCE, "update.none", null);
        }
        if (Duration.between(lastUpdate, now).compareTo(UPDATE_WINDOW) > 0) {
            return new ControlView(server, Control.UPDATE_SNAPSHOT, Status.ATTENTION, "update.stale", lastUpdate);
        }
        return new ControlView(server, Control.UPDATE_SNAPSHOT, Status.OK, "update.withSnapshot", lastUpdate);
    }

    /**
     * The rule set the server's agent last reported against the one staff approved: the same is OK, another one is
     * drift (failing), none approved needs attention. Nothing reported: no evidence, even if staff declared changes.
     */
    static ControlView firewall(String server, Applied applied, String approved, boolean declaredOnly) {
        if (applied == null) {
            return new ControlView(server, Control.FIREWALL, Status.NO_EVIDENCE,
                    declaredOnly ? "firewall.declaredOnly" : "firewall.none", null);
        }
        if (approved == null) {
            return new ControlView(server, Control.FIREWALL, Status.ATTENTION, "firewall.unapproved", applied.at(), Source.REPORTED);
        }
        return applied.digest().equals(approved)
                ? new ControlView(server, Control.FIREWALL, Status.OK, "firewall.approved", applied.at(), Source.REPORTED)
                : new ControlView(server, Control.FIREWALL, Status.FAILING, "firewall.drift", applied.at(), Source.REPORTED);
    }

    /**
     * Reported attacks of the last 90 days (newest first) against the policy's mitigation time: one mitigated later,
     * or still unmitigated beyond it, fails; one in the last 24 h mitigated in time needs attention. No reported
     * attack: no evidence that anyone watches (a sub-processor that watches reports what it mitigated).
     */
    static ControlView ddos(String server, List<Attack> attacks, boolean declaredOnly, PolicySettings policy, Instant now) {
        if (attacks.isEmpty()) {
            return new ControlView(server, Control.DDOS, Status.NO_EVIDENCE, declaredOnly ? "ddos.declaredOnly" : "ddos.none", null);
        }
        Duration allowed = Duration.ofHours(policy.ddosMitigationHours());
        Instant last = attacks.get(0).startedAt();
        for (Attack a : attacks) {
            Instant end = a.mitigatedAt() == null ? now : a.mitigatedAt();
            if (Duration.between(a.startedAt(), end).compareTo(allowed) > 0) {
                return new ControlView(server, Control.DDOS, Status.FAILING,
                        a.mitigatedAt() == null ? "ddos.unmitigated" : "ddos.slowMitigation", a.startedAt(), Source.REPORTED);
            }
        }
        boolean recent = Duration.between(last, now).compareTo(RECENT) <= 0;
        return new ControlView(server, Control.DDOS, recent ? Status.ATTENTION : Status.OK,
                recent ? "ddos.recent" : "ddos.mitigatedInTime", last, Source.REPORTED);
    }

    /** The same view, saying who stands behind its evidence. */
    static ControlView from(ControlView view, Source source) {
        return view.lastEvidence() == null ? view
                : new ControlView(view.serverRef(), view.control(), view.status(), view.reason(), view.lastEvidence(), source);
    }
}
