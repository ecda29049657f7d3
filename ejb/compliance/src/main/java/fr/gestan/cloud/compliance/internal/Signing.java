package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.internal.pdf.CertificateContent;
import fr.gestan.cloud.compliance.internal.pdf.CertificatePdf;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;

/**
 * The application's certificate signer, with the active key of the signing key ring (loaded, or generated, on first
 * use; {@link SigningKeyRing}), and file digests.
 */
final class Signing {

    /** A signed PDF and the id of the key that signed it. */
    record Signed(byte[] pdf, String keyId) {
    }

    private Signing() {
    }

    /** The active key now (the ring's {@code active} file read): what a page of the batch signs with. */
    static SigningKeyRing.ActiveSigner activeKey() {
        return SigningKeyRing.current().activeSigner();
    }

    /** The certificate rendered and signed in one pass with {@code key}, the active key when null. */
    static Signed renderSigned(CertificateContent content, Instant when, SigningKeyRing.ActiveSigner key) {
        SigningKeyRing.ActiveSigner signing = key != null ? key : activeKey();
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(when.toEpochMilli());
        return new Signed(CertificatePdf.renderSigned(content, signing.signer(), "Attestation " + content.number(), calendar), signing.id());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
