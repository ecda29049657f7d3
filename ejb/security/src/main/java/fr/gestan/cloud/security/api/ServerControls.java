package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Controls and their evidence, per server: snapshots and software updates (an update must name the snapshot taken
 * just before it), backups (size, target data centre, verified or not), firewall and proxy changes, DDoS events.
 * Support and administrators record (journaled); staff read. Each control gets a status from its evidence and its
 * freshness against the policy in effect.
 */
public interface ServerControls {

    EvidenceView recordSnapshot(@NotBlank(message = "{control.server.required}") @Size(max = 64, message = "{control.server.size}") String serverRef,
                                @NotBlank(message = "{control.snapshot.required}") @Size(max = 128, message = "{control.snapshot.size}") String snapshotRef,
                                @NotNull(message = "{control.time.required}") Instant takenAt);

    /** A software update; refused ({@link ControlEvidenceException}) without a recent snapshot of the server when the policy requires one. */
    EvidenceView recordSoftwareUpdate(@NotBlank(message = "{control.server.required}") @Size(max = 64, message = "{control.server.size}") String serverRef,
                                      @Size(max = 128, message = "{control.snapshot.size}") String snapshotRef,
                                      @NotNull(message = "{control.time.required}") Instant doneAt,
                                      @Size(max = 1000, message = "{control.details.size}") String details) throws ControlEvidenceException;

    EvidenceView recordBackup(@NotBlank(message = "{control.server.required}") @Size(max = 64, message = "{control.server.size}") String serverRef,
                              @NotNull(message = "{control.time.required}") Instant takenAt,
                              @PositiveOrZero(message = "{control.backup.size}") long sizeBytes,
                              @NotBlank(message = "{control.backup.target}") @Size(max = 32, message = "{control.backup.target}") String targetDataCentre,
                              boolean verified);

    EvidenceView recordFirewallChange(@NotBlank(message = "{control.server.required}") @Size(max = 64, message = "{control.server.size}") String serverRef,
                                      @NotNull(message = "{control.time.required}") Instant doneAt,
                                      @NotBlank(message = "{control.details.required}") @Size(max = 1000, message = "{control.details.size}") String details);

    /**
     * Approves a firewall rule set for a server, by the SHA-256 of {@code nft list ruleset} as the server's agent
     * reports it ({@code firewall_applied}); a reported rule set that differs is drift. Support and administrators, journaled.
     */
    EvidenceView approveFirewallRuleSet(@NotBlank(message = "{control.server.required}") @Size(max = 64, message = "{control.server.size}") String serverRef,
                                        @NotBlank(message = "{control.digest.invalid}") @Pattern(regexp = "[0-9a-f]{64}", message = "{control.digest.invalid}") String sha256);

    EvidenceView recordDdosEvent(@NotBlank(message = "{control.server.required}") @Size(max = 64, message = "{control.server.size}") String serverRef,
                                 @NotNull(message = "{control.time.required}") Instant at,
                                 @NotBlank(message = "{control.details.required}") @Size(max = 1000, message = "{control.details.size}") String details);

    /** The status of each control of one server. */
    List<ControlView> controlsOf(@NotBlank(message = "{control.server.required}") String serverRef);

    /**
     * The status of each control of each of these servers, by server (in their order): the same as {@link #controlsOf}
     * for each, in a few statements whatever their number (a certificate batch page's production servers).
     */
    java.util.Map<String, List<ControlView>> controlsOfAll(@NotNull(message = "{control.server.required}") java.util.Collection<String> serverRefs);

    /** Evidence of one server, newest first. */
    List<EvidenceView> evidenceOf(@NotBlank(message = "{control.server.required}") String serverRef,
                                  @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /**
     * Failing controls across all servers (back-office dashboard and controls page): backups overdue, updates without
     * snapshot, a reported firewall rule set that differs from the approved one, a DDoS attack mitigated later than
     * the policy allows (or not yet). The same rules as {@link #controlsOf}.
     */
    List<ControlView> failing();

    enum Control { BACKUP, UPDATE_SNAPSHOT, FIREWALL, DDOS }

    /** {@code NO_EVIDENCE}: no machine reported what the control needs; it neither passes nor fails, it is unknown. */
    enum Status { OK, ATTENTION, FAILING, NO_EVIDENCE }

    /** Who stands behind a piece of evidence: a machine that reported it (agent API) or a staff member who declared it. */
    enum Source { REPORTED, DECLARED }

    /**
     * One control of one server: its status, why (a message key suffix), the evidence it rests on, and whether that
     * evidence was reported by a machine or declared by staff ({@code null} when there is none).
     */
    record ControlView(String serverRef, Control control, Status status, String reason, Instant lastEvidence, Source source) implements java.io.Serializable {

        public ControlView(String serverRef, Control control, Status status, String reason, Instant lastEvidence) {
            this(serverRef, control, status, reason, lastEvidence, null);
        }
    }

    /**
     * One piece of evidence. {@code recordedBy}: the staff member's username when declared, the reporter
     * ({@code server:<name>}, {@code subprocessor:<name>}) when reported. {@code digest}: a firewall rule set's SHA-256.
     */
    record EvidenceView(long id, String serverRef, String kind, Instant occurredAt, String recordedBy, String details,
                        String snapshotRef, Long backupBytes, String targetDataCentre, Boolean verified, Source source,
                        String digest, Instant mitigatedAt) implements java.io.Serializable {

        public boolean declared() {
            return source == Source.DECLARED;
        }
    }
}
