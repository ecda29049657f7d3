package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Checkpoints, verification and export of the hash-chained access journal.
 * Verification: auditors and administrators. Export of one tenant's journal: staff, or that tenant's client.
 */
public interface JournalIntegrity {

    /** Signs the current chain head if it moved since the last checkpoint; returns the newest checkpoint. */
    Optional<CheckpointView> checkpointNow();

    /**
     * The checkpoint to embed in a certificate: what is committed now, signed (or the newest checkpoint when the log
     * has not grown since), and kept for ever by the checkpoint retention. Support and administrators (who issue
     * certificates), and auditors (the compliance facts reader that asks for it runs as auditor).
     */
    CheckpointView pinnedCheckpoint();

    /** The newest checkpoint, if any. */
    Optional<CheckpointView> latestCheckpoint();

    /** Walks the whole chain and every checkpoint now; {@code progress} is updated as entries are checked. */
    JournalVerifier.Result verify(@NotNull VerificationProgress progress);

    /**
     * The last verification run, stored (running on any node, or finished, failed, or interrupted by its server
     * stopping), so that it outlives the page that started it.
     */
    Optional<VerificationRunView> lastVerification();

    /** The same, in the background: the page polls {@code progress}. */
    Future<JournalVerifier.Result> verifyInBackground(@NotNull VerificationProgress progress);

    /**
     * Writes the whole journal in the export format of {@link JournalVerifier.Export}, after signing the current
     * head. Auditors and administrators.
     */
    void exportAll(@NotNull Writer out) throws IOException;

    /**
     * Writes one tenant's entries in full, with the stretches of chain around them reduced to digests, after signing
     * the current head. Clients call it (through the portal) for their own company only.
     */
    void exportTenant(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantRef,
                      @NotNull Writer out) throws IOException;

    /** The public key that verifies new checkpoints (the newest key), PEM-encoded (public information). */
    String publicKeyPem();

    /** The published checkpoint key set (see {@link JournalProofs#keySet()}), public information. */
    String keySet();
}
