package fr.gestan.cloud.compliance.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;

/** Certificate numbers read like {@code GC-2026-000042}: short enough to type from paper. */
final class CertificateNumbers {

    private CertificateNumbers() {
    }

    static String format(int year, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return String.format("GC-%04d-%06d", year, sequence);
    }

    /**
     * The next free number from the database sequence (safe with concurrent issuers and several nodes); numbers
     * taken before the sequence existed are skipped.
     */
    static String next(EntityManager em, Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        while (true) {
            long sequence = ((Number) em.createNativeQuery("select nextval('certificate_number_seq')").getSingleResult()).longValue();
            String number = format(year, sequence);
            if (em.createNamedQuery(CertificateRecord.NUMBER_TAKEN, Long.class).setParameter("number", number).getSingleResult() == 0) {
                return number;
            }
        }
    }
}
