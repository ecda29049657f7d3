package fr.gestan.cloud.security.api;

import java.util.List;

/**
 * What anyone may see of the journal entry that issued a certificate (public page {@code /verify}): its log position,
 * the newest checkpoint's tree size and signed note, the entry's leaf hash recomputed from the entry as it is now, the
 * RFC 9162 audit path, whether that proof leads to the checkpoint's signed root ({@code proofValid}: false when the
 * entry was edited), and the PDF's SHA-256 the entry recorded at issue (null for certificates issued before it was
 * recorded). Nothing else about the entry (actor, address, time) is given.
 */
public record IssuingEntryProof(String certificateNumber, long position, long treeSize, String leafHash, List<String> proof,
                                String checkpoint, boolean proofValid, String recordedPdfSha256) implements java.io.Serializable {

    /** Both checks: the inclusion proof holds and the entry recorded this PDF's SHA-256. */
    public boolean confirms(String pdfSha256) {
        return proofValid && recordedPdfSha256 != null && recordedPdfSha256.equalsIgnoreCase(pdfSha256);
    }
}
