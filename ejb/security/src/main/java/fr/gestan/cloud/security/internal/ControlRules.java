package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.ServerControls.Control;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import fr.gestan.cloud.security.api.ServerControls.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * How a control's status follows from its evidence and its freshness, as trust-centre monitors do. Reasons are
 * message key suffixes ({@code control.reason.*}).
 */
final class ControlRules {

    static final Duration RECENT = Duration.ofHours(24);
    static final Duration UPDATE_WINDOW = Duration.ofDays(90);

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
        if (lastUpdate == null || Duration.between(lastUpdate, now).compareTo(UPDATE_WINDOW) > 0) {
            return new ControlView(server, Control.UPDATE_SNAPSHOT, Status.ATTENTION, "update.stale", lastUpdate);
        }
        return new ControlView(server, Control.UPDATE_SNAPSHOT, Status.OK, "update.withSnapshot", lastUpdate);
    }

    static ControlView firewall(String server, Instant lastChange, Instant now) {
        boolean recent = lastChange != null && Duration.between(lastChange, now).compareTo(RECENT) <= 0;
        return new ControlView(server, Control.FIREWALL, recent ? Status.ATTENTION : Status.OK,
                recent ? "firewall.recentChange" : "firewall.stable", lastChange);
    }

    static ControlView ddos(String server, Instant lastEvent, Instant now) {
        boolean recent = lastEvent != null && Duration.between(lastEvent, now).compareTo(RECENT) <= 0;
        return new ControlView(server, Control.DDOS, recent ? Status.ATTENTION : Status.OK,
                recent ? "ddos.recent" : "ddos.quiet", lastEvent);
    }
}
