package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * The journal's transparency log, read from outside: the latest signed checkpoint and the hash tiles (public), inclusion
 * proofs of entries (staff for any entry, a client for its own company's), consistency proofs between two signed
 * tree sizes (public). Proofs refer to the newest checkpoint.
 */
public interface JournalProofs {

    /** The newest signed checkpoint (C2SP signed note: origin, tree size, base64 root, signature line). */
    Optional<String> checkpoint();

    /** The signed-note verifier key of new checkpoints: {@code <origin>+<key hash>+<base64 key>}. */
    String verifierKey();

    /**
     * The published checkpoint key set ({@link JournalVerifier.MerkleLog.KeySet#text()}): every key that signed this
     * log's checkpoints, by id, with the tree sizes and dates it was active; verifiers pick a checkpoint's key by the
     * id its signature line carries.
     */
    String keySet();

    /**
     * The hash tile {@code tile/<level>/<index>[.p/<width>]} as of the newest checkpoint: {@code width} hashes of 32
     * bytes; empty when the tile is not (yet) that wide.
     */
    Optional<byte[]> tile(@Min(value = 0, message = "{journal.tile.invalid}") @Max(value = 7, message = "{journal.tile.invalid}") int level,
                          @Min(value = 0, message = "{journal.tile.invalid}") long index,
                          @Min(value = 1, message = "{journal.tile.invalid}") @Max(value = 256, message = "{journal.tile.invalid}") int width);

    /** The inclusion proof of an entry in the newest checkpoint; empty if the entry is unknown or not yet signed. */
    Optional<InclusionProofView> inclusion(@Min(value = 1, message = "{journal.entry.invalid}") long entryId);

    /**
     * Public: the issuing entry of certificate {@code number} (the newest {@code CERTIFICATE_ISSUED} or
     * {@code CERTIFICATE_REISSUED} entry naming it, found through the index on the entries' target) with its inclusion
     * proof in the newest checkpoint, checked here; empty if there is none or it is not yet signed.
     */
    Optional<IssuingEntryProof> certificateIssue(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 32) String number);

    /** The consistency proof from tree size {@code first} to {@code second} (at most the newest checkpoint's size). */
    ConsistencyProofView consistency(@Min(value = 1, message = "{journal.size.invalid}") long first,
                                     @Min(value = 1, message = "{journal.size.invalid}") long second);
}
