package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A certificate rendered and signed, with its registry row, not stored yet: what an issue stores in its transaction,
 * or the batch with the rest of its page ({@link CertificatePageStore}). The journal entry and the client's notice are
 * the same either way.
 *
 * @param record the registry row (number, tenant, SHA-256 of {@code pdf}, dates, issuer, signing key)
 * @param pdf    the signed PDF's exact bytes
 * @param action {@code CERTIFICATE_ISSUED} or {@code CERTIFICATE_REISSUED}
 */
record CertificateDraft(CertificateRecord record, byte[] pdf, String action) {

    CertificateDraft {
        Objects.requireNonNull(record);
        Objects.requireNonNull(action);
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("a certificate draft needs its PDF");
        }
    }

    String siren() {
        return record.tenantSiren();
    }

    /** The issuing entry: it records the PDF's SHA-256 (/verify shows its inclusion proof beside the file's hash). */
    JournalEvent entry() {
        String supersedes = record.supersedes();
        return new JournalEvent(action, record.tenantSiren(), record.number(), JournalEvent.Outcome.SUCCESS,
                "pdf sha256 " + record.sha256() + (supersedes == null ? "" : "; supersedes " + supersedes));
    }

    /** The client's notice of its new certificate (its contacts, through the outbox, in the storing transaction). */
    Notice notice() {
        return Notice.certificateIssued(record.tenantSiren(), record.number(),
                Shown.date(LocalDate.ofInstant(record.validUntil(), Paris.ZONE)), record.supersedes());
    }
}
