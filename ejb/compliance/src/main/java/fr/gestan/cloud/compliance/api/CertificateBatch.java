package fr.gestan.cloud.compliance.api;

import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Certificates in bulk: one for every tenant that the stored compliance report shows without a blocking rule and
 * that holds no valid certificate. The rules are evaluated again as each certificate is issued, so a tenant blocked
 * since the report is refused (and counted), never certified on stale evidence. One batch at a time.
 */
public interface CertificateBatch {

    /** How many tenants the stored report shows without a blocking rule: what a batch looks at (for a progress bar). */
    long candidates();

    /**
     * Runs the batch: each certificate in its own transaction (a refusal does not undo the others) and journaled as
     * any other, then one journal entry with the tally. {@code progress} receives the running tally after each
     * tenant. Support and administrators.
     */
    CertificateBatchTally run(@NotNull Consumer<CertificateBatchTally> progress) throws CertificateBatchRunningException;

    /** Whether a batch runs now, on any node. */
    boolean running();

    /** The running batch or the last one, as stored (any node's); empty before the first. */
    Optional<CertificateBatchRunView> lastRun();
}
