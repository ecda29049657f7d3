package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.compliance.api.CertificateStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateRecordTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void numbers_are_year_and_six_digit_sequence() {
        assertEquals("GC-2026-000042", CertificateNumbers.format(2026, 42));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumbers.format(2026, 0));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumbers.format(2026, 1_000_000));
    }

    @Test
    void a_certificate_is_valid_for_a_year_then_expired() {
        CertificateRecord record = new CertificateRecord("GC-2026-000001", "842317653", "0".repeat(64), ISSUED);
        assertEquals(CertificateStatus.VALID, record.statusAt(ISSUED.plusSeconds(3600)));
        assertEquals(CertificateStatus.VALID, record.statusAt(ISSUED.plus(CertificateRecord.VALIDITY).minusSeconds(1)));
        assertEquals(CertificateStatus.EXPIRED, record.statusAt(ISSUED.plus(CertificateRecord.VALIDITY)));
    }

    @Test
    void the_fingerprint_must_be_sha256_hex() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateRecord("GC-2026-000001", "842317653", "XYZ", ISSUED));
    }

    @Test
    void a_revoked_certificate_stays_revoked_and_a_superseded_one_names_its_successor() {
        CertificateRecord record = new CertificateRecord("GC-2026-000002", "842317653", "Boulangerie", "1".repeat(64), ISSUED, "support.demo", null);
        assertThrows(IllegalArgumentException.class, () -> record.revoke(" ", "admin", ISSUED));
        record.supersede("GC-2026-000003", "support.demo", ISSUED.plusSeconds(60));
        assertEquals(CertificateStatus.REVOKED, record.statusAt(ISSUED.plusSeconds(120)));
        assertEquals("GC-2026-000003", record.toView(ISSUED).supersededBy());
        assertEquals("superseded GC-2026-000003", record.toFullView(ISSUED, 10).revocationReason());
        assertThrows(IllegalStateException.class, () -> record.revoke("again", "admin", ISSUED.plusSeconds(180)));
    }
}
