package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.internal.pdf.CertificateSigner;
import fr.gestan.cloud.compliance.internal.pdf.SigningKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;

/** The application's certificate signer (its key is loaded, or generated, on first use) and file digests. */
final class Signing {

    private static volatile CertificateSigner signer;

    private Signing() {
    }

    static byte[] sign(byte[] pdf, String number, Instant when) {
        CertificateSigner s = signer;
        if (s == null) {
            synchronized (Signing.class) {
                s = signer;
                if (s == null) {
                    signer = s = new CertificateSigner(SigningKey.current());
                }
            }
        }
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(when.toEpochMilli());
        return s.sign(pdf, "Attestation " + number, calendar);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
