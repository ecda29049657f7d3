package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.security.api.AgreementRefusedException;
import fr.gestan.cloud.security.api.AgreementRefusedException.Reason;
import fr.gestan.cloud.security.api.AgreementView.AgreementState;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConfidentialityAgreementTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final LocalDate SIGNED = LocalDate.of(2026, 1, 15);

    private static ConfidentialityAgreement agreement(LocalDate expires, String name, byte[] document) throws AgreementRefusedException {
        return new ConfidentialityAgreement("support.demo", SIGNED, expires, name, document, Instant.now(), "admin.demo");
    }

    private static Reason refusal(String name, byte[] document) {
        return assertThrows(AgreementRefusedException.class, () -> agreement(SIGNED.plusYears(1), name, document)).reason();
    }

    @Test
    void a_pdf_is_recognised_by_its_content_not_its_name() throws Exception {
        agreement(SIGNED.plusYears(1), "accord-signé.PDF", PDF);
        assertEquals(Reason.NOT_PDF, refusal("accord.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.NOT_PDF, refusal("accord.pdf", "%PDF-1.7 truncated".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.NOT_A_PDF_NAME, refusal("accord.exe", PDF));
        assertEquals(Reason.EMPTY, refusal("accord.pdf", new byte[0]));
    }

    @Test
    void a_pdf_that_acts_when_opened_is_refused_even_with_escaped_names_or_compressed_dictionaries() throws Exception {
        String js = "%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\ntrailer <<>>\n%%EOF\n";
        assertEquals(Reason.ACTIVE_CONTENT, refusal("accord.pdf", js.getBytes(StandardCharsets.ISO_8859_1)));
        String escaped = "%PDF-1.7\n1 0 obj << /S /J#61vaScript >> endobj\ntrailer <<>>\n%%EOF\n";
        assertEquals(Reason.ACTIVE_CONTENT, refusal("accord.pdf", escaped.getBytes(StandardCharsets.ISO_8859_1)));
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(packed)) {
            z.write("<< /Type /Catalog /AA << /O 2 0 R >> >>".getBytes(StandardCharsets.ISO_8859_1));
        }
        java.io.ByteArrayOutputStream objStm = new java.io.ByteArrayOutputStream();
        objStm.write("%PDF-1.7\n3 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n".getBytes(StandardCharsets.ISO_8859_1));
        objStm.write(packed.toByteArray());
        objStm.write("\nendstream\nendobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Reason.ACTIVE_CONTENT, refusal("accord.pdf", objStm.toByteArray()));
        agreement(SIGNED.plusYears(1), "accord.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /JSON (x) >> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void documents_over_the_limit_are_refused() {
        byte[] big = new byte[ConfidentialityAgreements.MAX_DOCUMENT_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, 5);
        assertEquals(Reason.TOO_LARGE, refusal("big.pdf", big));
    }

    @Test
    void an_agreement_must_expire_after_it_is_signed() {
        assertEquals(Reason.DATES_INVERTED,
                assertThrows(AgreementRefusedException.class, () -> agreement(SIGNED, "a.pdf", PDF)).reason());
    }

    @Test
    void the_state_follows_the_dates_with_a_thirty_day_warning() throws Exception {
        ConfidentialityAgreement a = agreement(LocalDate.of(2026, 12, 31), "a.pdf", PDF);
        assertEquals(AgreementState.NOT_YET_VALID, a.stateOn(SIGNED.minusDays(1)));
        assertEquals(AgreementState.VALID, a.stateOn(SIGNED));
        assertEquals(AgreementState.VALID, a.stateOn(LocalDate.of(2026, 11, 30)));
        assertEquals(AgreementState.EXPIRING, a.stateOn(LocalDate.of(2026, 12, 1)));
        assertEquals(AgreementState.EXPIRING, a.stateOn(LocalDate.of(2026, 12, 30)));
        assertEquals(AgreementState.EXPIRED, a.stateOn(LocalDate.of(2026, 12, 31)));
    }
}
