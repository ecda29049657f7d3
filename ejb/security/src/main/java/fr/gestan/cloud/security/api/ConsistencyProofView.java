package fr.gestan.cloud.security.api;

import java.util.List;

/** RFC 9162 §2.1.4 consistency proof between two tree sizes (base64 hashes), with the newest signed checkpoint. */
public record ConsistencyProofView(long first, long second, List<String> proof, String checkpoint) {
}
