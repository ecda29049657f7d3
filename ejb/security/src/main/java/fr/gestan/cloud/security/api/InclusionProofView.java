package fr.gestan.cloud.security.api;

import java.util.List;

/**
 * RFC 9162 §2.1.3 inclusion proof of one journal entry: its leaf (the exact bytes hashed, base64), its 0-based
 * position, the tree size and the signed checkpoint it leads to, and the audit path (base64 hashes, leaf side first).
 */
public record InclusionProofView(long entryId, long position, long treeSize, String leaf, String leafHash,
                                 List<String> proof, String checkpoint) implements java.io.Serializable {
}
