package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.common.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import fr.gestan.cloud.common.persistence.JdbcBatches;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Stores a page of the certificate batch in one transaction: the page's certificates (registry rows and PDFs, in JDBC
 * batches), their journal entries (the journal's bulk append: the same entries and MACs as one issue's), their
 * notices to the clients (the outbox's bulk entry) and the run's tally, position and heartbeat. Either the whole page
 * is stored, or (a failure anywhere) nothing of it: the run's position stays before the page.
 */
@Stateless
@LocalBean
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class CertificatePageStore extends ComplianceServiceBase {

    static final String INSERT_RECORD = "insert into certificate_record (number, tenant_siren, tenant_name, sha256, issued_at, valid_until,"
            + " issued_by, supersedes, signing_key_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_DOCUMENT = "insert into certificate_document (number, pdf, size_bytes) values (?, ?, ?)";

    @EJB
    CertificateBatchRunStore runs;
    @EJB
    Notifications notifications;
    /** The datasource's connection in a transaction is the persistence unit's: the rows commit or roll back with the page. */
    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    /**
     * Stores the page's {@code drafts} for the run {@code runId} worked on by the loop {@code worker} (refused with
     * {@link CertificateBatchRunStore.TakenOverException} when another node took it over), then commits the run's tally
     * ({@code tallied}, given the SIRENs which turned out to hold a valid certificate by now: those drafts are dropped,
     * journaled as refused) and its position {@code after}. Returns the tenants whose drafts were dropped.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public java.util.Set<String> store(long runId, String worker, List<CertificateDraft> drafts,
                                      Function<java.util.Set<String>, fr.gestan.cloud.compliance.api.CertificateBatchTally> tallied, String after) {
        runs.claim(runId, worker); // first: the run's row lock orders this page after a takeover, never beside it
        Map<String, String> validNow = validNow(drafts);
        List<CertificateDraft> kept = new ArrayList<>();
        List<JournalEvent> entries = new ArrayList<>();
        for (CertificateDraft d : drafts) {
            String held = validNow.get(d.siren());
            if (held != null) { // certified meanwhile (a single issue): never a second valid certificate
                entries.add(JournalEvent.refused(CertificatesBean.ISSUE_REFUSED, d.siren(), held, CertificatesBean.ALREADY_HOLDS));
            } else {
                kept.add(d);
                entries.add(d.entry());
            }
        }
        insert(kept);
        if (!entries.isEmpty()) {
            journal.recordAll(entries);
        }
        List<Notice> notices = kept.stream().map(CertificateDraft::notice).toList();
        if (!notices.isEmpty()) {
            notifications.publishAll(notices);
        }
        java.util.Set<String> dropped = new java.util.HashSet<>(validNow.keySet());
        runs.progressedWithPage(runId, worker, tallied.apply(dropped), after);
        return dropped;
    }

    /**
     * {@link #store}, in a transaction of its own on the container's asynchronous threads: the batch's loop reads the
     * next page and waits for its drafts meanwhile, then waits for this before storing that one (pages are stored one
     * at a time, in order, as before). A failure is the future's (the page rolled back, the run's position before it).
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Future<java.util.Set<String>> storeMeanwhile(long runId, String worker, List<CertificateDraft> drafts,
                                      Function<java.util.Set<String>, fr.gestan.cloud.compliance.api.CertificateBatchTally> tallied, String after) {
        return CompletableFuture.completedFuture(store(runId, worker, drafts, tallied, after));
    }

    /** Which of the drafts' tenants hold a valid certificate now (one query): SIREN to that certificate's number. */
    private Map<String, String> validNow(List<CertificateDraft> drafts) {
        Map<String, String> valid = new HashMap<>();
        if (!drafts.isEmpty()) {
            for (Object[] row : em.createNamedQuery(CertificateRecord.VALID_OF_TENANTS, Object[].class)
                    .setParameter("sirens", drafts.stream().map(CertificateDraft::siren).toList()).setParameter("now", clock.instant())
                    .getResultList()) {
                valid.putIfAbsent((String) row[0], (String) row[1]);
            }
        }
        return valid;
    }

    /** The registry rows and the PDFs, each in one JDBC batch. */
    private void insert(List<CertificateDraft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            JdbcBatches.insertAll(c, INSERT_RECORD, drafts, (records, d) -> {
                CertificateRecord r = d.record();
                records.setString(1, r.number());
                records.setString(2, r.tenantSiren());
                records.setString(3, r.tenantName());
                records.setString(4, r.sha256());
                records.setObject(5, utc(r.issuedAt()));
                records.setObject(6, utc(r.validUntil()));
                records.setString(7, r.issuedBy());
                records.setString(8, r.supersedes());
                records.setString(9, r.signingKeyId());
            });
            JdbcBatches.insertAll(c, INSERT_DOCUMENT, drafts, (documents, d) -> {
                documents.setString(1, d.record().number());
                documents.setBytes(2, d.pdf());
                documents.setInt(3, d.pdf().length);
            });
        } catch (SQLException e) {
            throw new EJBException("the page of " + drafts.size() + " certificates could not be stored", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
