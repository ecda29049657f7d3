package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.NoticeKind;
import fr.gestan.cloud.hosting.api.OperatorView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the batch's pages share (issue 19): the reference data kept across pages unless changed, and a page's drafts. */
class BatchPageFactsTest {

    static ComplianceFactsReader.Shared shared(String operatorCountry) {
        OperatorView operator = new OperatorView(1, "Hébergeur SAS", "SAS", operatorCountry, null, null, BigDecimal.ZERO, BigDecimal.ZERO);
        return new ComplianceFactsReader.Shared(LocalDate.of(2026, 12, 6), Map.of(), Map.of(operator.legalName(), operator), 30, List.of(),
                null, 3, 90, new ConcurrentHashMap<>(), List.of(), null, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new AtomicReference<>());
    }

    @Test
    void the_next_page_keeps_the_plans_and_availability_read_and_reads_the_controls_and_checkpoint_again() {
        ComplianceFactsReader.Shared first = shared("FR");
        first.plans().put(7L, Optional.empty());
        first.controls().put("SRV-1", List.of());
        first.checkpoint().set(new fr.gestan.cloud.security.api.CheckpointView(1, 1, "ab".repeat(32), Instant.EPOCH, "key", "sig", null));

        ComplianceFactsReader.Shared next = first.nextPage();

        assertSame(first.plans(), next.plans());
        assertSame(first.availability(), next.availability());
        assertTrue(next.controls().isEmpty(), "the servers' controls are rule evidence: read again each page");
        assertEquals(null, next.checkpoint().get(), "each page pins its own checkpoint");
        assertTrue(first.sameReference(next));
    }

    @Test
    void reference_data_that_changed_is_not_the_same_reference() {
        assertTrue(shared("FR").sameReference(shared("FR")));
        assertFalse(shared("FR").sameReference(shared("US")), "an operator bought by a US group meanwhile");
        ComplianceFactsReader.Shared tomorrow = new ComplianceFactsReader.Shared(LocalDate.of(2026, 12, 7), Map.of(), shared("FR").operators(), 30,
                List.of(), null, 3, 90, new ConcurrentHashMap<>(), List.of(), null, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new AtomicReference<>());
        assertFalse(shared("FR").sameReference(tomorrow));
        assertNotSame(shared("FR"), shared("FR").nextPage());
    }

    @Test
    void a_draft_journals_and_announces_what_a_single_issue_does() {
        Instant issued = Instant.parse("2026-12-06T02:00:00Z");
        CertificateRecord record = new CertificateRecord("GC-2026-000042", "842317653", "Boulangerie SARL", "ab".repeat(32), issued,
                "support.it", "GC-2026-000041");
        CertificateDraft draft = new CertificateDraft(record, new byte[] {1, 2}, CertificatesBean.ISSUED);

        JournalEvent entry = draft.entry();
        assertEquals(CertificatesBean.ISSUED, entry.action());
        assertEquals("842317653", entry.tenantRef());
        assertEquals("GC-2026-000042", entry.target());
        assertEquals("pdf sha256 " + "ab".repeat(32) + "; supersedes GC-2026-000041", entry.reason());
        Notice notice = draft.notice();
        assertEquals(NoticeKind.CERTIFICATE_ISSUED, notice.kind());
        assertEquals("GC-2026-000042", notice.fact("number"));
        assertEquals("GC-2026-000041", notice.fact("previous"));
        assertEquals(fr.gestan.cloud.common.Shown.date(LocalDate.of(2027, 12, 6)), notice.fact("validUntil"));
    }
}
