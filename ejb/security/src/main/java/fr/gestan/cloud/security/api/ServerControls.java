package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

    EvidenceView recordDdosEvent(@NotBlank(message = "{control.server.required}") @Size(max = 64, message = "{control.server.size}") String serverRef,
                                 @NotNull(message = "{control.time.required}") Instant at,
                                 @NotBlank(message = "{control.details.required}") @Size(max = 1000, message = "{control.details.size}") String details);

    /** The status of each control of one server. */
    List<ControlView> controlsOf(@NotBlank(message = "{control.server.required}") String serverRef);

    /** Evidence of one server, newest first. */
    List<EvidenceView> evidenceOf(@NotBlank(message = "{control.server.required}") String serverRef,
                                  @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    /** Failing controls across all servers (dashboard, compliance rules). */
    List<ControlView> failing();

    enum Control { BACKUP, UPDATE_SNAPSHOT, FIREWALL, DDOS }

    enum Status { OK, ATTENTION, FAILING }

    /** One control of one server: its status, why (a message key suffix), and the evidence it rests on. */
    record ControlView(String serverRef, Control control, Status status, String reason, Instant lastEvidence) {
    }

    record EvidenceView(long id, String serverRef, String kind, Instant occurredAt, String recordedBy, String details,
                        String snapshotRef, Long backupBytes, String targetDataCentre, Boolean verified) {
    }
}
