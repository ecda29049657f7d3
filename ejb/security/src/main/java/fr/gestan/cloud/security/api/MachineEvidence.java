package fr.gestan.cloud.security.api;

import fr.gestan.cloud.security.api.ServerControls.ControlView;
import java.time.Instant;
import java.util.Objects;

/**
 * Control evidence that a machine reported (a server's agent or a sub-processor, through the hosting module's agent
 * API), as opposed to evidence a staff member declared on {@link ServerControls}. The agent API has authenticated
 * the reporter by its token and checked the event; this stores it, in the caller's transaction, as evidence
 * "reported by" that reporter, which the controls then rest on. Local interface only: no remote caller can name a
 * reporter.
 */
public interface MachineEvidence {

    /** What a machine can report about a server's controls. */
    enum Kind { SNAPSHOT, SOFTWARE_UPDATE, BACKUP, FIREWALL_APPLIED, DDOS }

    /**
     * One reported fact. {@code reference}: the snapshot id (snapshot), the snapshot that preceded the update
     * ({@code null}: none in the policy's window), the archive id (backup). {@code digest}: SHA-256 of the applied
     * firewall rule set. {@code mitigatedAt}: when a DDoS attack that started at {@code occurredAt} was mitigated.
     */
    record Reported(String serverRef, Kind kind, Instant occurredAt, String reference, Long bytes, String targetDataCentre,
                    Boolean verified, String digest, Instant mitigatedAt, String details) {

        public Reported {
            Objects.requireNonNull(serverRef, "serverRef");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }

        public static Reported snapshot(String server, Instant at, String snapshotId) {
            return new Reported(server, Kind.SNAPSHOT, at, snapshotId, null, null, null, null, null, null);
        }

        public static Reported update(String server, Instant at, String precedingSnapshot, String packages) {
            return new Reported(server, Kind.SOFTWARE_UPDATE, at, precedingSnapshot, null, null, null, null, null, packages);
        }

        /** {@code counts}: verified by a restore test and landed where the contract says (else it proves nothing). */
        public static Reported backup(String server, Instant at, String archiveId, long bytes, String target, boolean counts, String details) {
            return new Reported(server, Kind.BACKUP, at, archiveId, bytes, target, counts, null, null, details);
        }

        public static Reported firewall(String server, Instant at, String sha256) {
            return new Reported(server, Kind.FIREWALL_APPLIED, at, null, null, null, null, sha256, null, null);
        }

        public static Reported ddos(String server, Instant startedAt, Instant mitigatedAt, String details) {
            return new Reported(server, Kind.DDOS, startedAt, null, null, null, null, null, mitigatedAt, details);
        }
    }

    /**
     * Stores {@code evidence} reported by {@code reporter} ({@code server:<name>} or {@code subprocessor:<name>}) and
     * answers the status of the control it bears on, once stored (for example a firewall rule set that differs from
     * the approved one: {@code FAILING}, {@code firewall.drift}). Mandatory transaction: the caller's.
     */
    ControlView record(String reporter, Reported evidence);
}
