package fr.gestan.cloud.compliance.internal;

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
}
