package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.compliance.internal.rules.Rules;
import java.time.LocalDate;
import jakarta.ejb.LocalBean;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.compliance.api.CertificateFile;
import fr.gestan.cloud.compliance.api.CertificateNotFoundException;
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.FileVerification;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.compliance.internal.rules.UpdatesAndBackupsRule;
import fr.gestan.cloud.compliance.internal.pdf.CertificateContent;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Stateless
@Local(Certificates.class)
@LocalBean
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class CertificatesBean extends ComplianceServiceBase implements Certificates {

    static final String ISSUED = "CERTIFICATE_ISSUED";
    static final String REISSUED = "CERTIFICATE_REISSUED";
    static final String REVOKED = "CERTIFICATE_REVOKED";
    static final String DOWNLOADED = "CERTIFICATE_DOWNLOADED";
    static final String ISSUE_REFUSED = "CERTIFICATE_ISSUE_REFUSED";
    static final String DOWNLOAD_REFUSED = "CERTIFICATE_DOWNLOAD_REFUSED";
    static final String ALREADY_HOLDS = "already holds a valid certificate";

    @EJB
    ComplianceFactsReader reader;
    /** Who a client contact speaks for (tenants module). */
    @Inject
    Instance<CallerTenancy> tenancy;

    /** The notification outbox (notifications module): the client hears of each new certificate. */
    @EJB
    Notifications notifications;


    @Override
    public CertificateView issue(String tenantSiren) throws TenantNotFoundException, CertificateRefusedException {
        return issueFor(tenantSiren, null, reader.shared(today()), false);
    }

    @Override
    public CertificateView issueSuperseding(String tenantSiren) throws TenantNotFoundException, CertificateRefusedException {
        return issueFor(tenantSiren, null, reader.shared(today()), true);
    }

    /**
     * For the batch, on a worker of its page: evaluates the rules again on the page's facts (read with the page's),
     * refuses as {@link #issue(String)} does (journaled), and renders and signs the certificate, with its number;
     * nothing stored ({@link CertificatePageStore} stores the page's drafts in one transaction). The batch skips the
     * tenants holding a valid certificate; the store checks again. The number comes from the batch's {@code numbers}
     * (taken from the sequence a page at a time); a refused tenant takes none. {@code key}: the signing key the page
     * signs with (the active key when the page was read).
     */
    public CertificateDraft draft(ComplianceFactsReader.TenantDocuments docs, ComplianceFactsReader.GdprEvidence evidence,
                                  CertificateNumberPool numbers, SigningKeyRing.ActiveSigner key) throws CertificateRefusedException {
        String siren = docs.tenant().siren();
        // the facts from what the page's reading prepared, computed here rather than in two calls of the reader bean
        // (each through the container's interceptors and the reader's run-as identity); the bean reads what is missing
        fr.gestan.cloud.compliance.internal.rules.TenantFacts facts = ComplianceFactsReader.preparedFacts(docs, evidence);
        ComplianceReport report = evaluated(siren, facts != null ? facts : reader.facts(docs, evidence), null);
        CertificateFacts printed = ComplianceFactsReader.preparedCertificate(docs);
        return render(siren, certificateFacts(docs, printed != null ? printed : reader.certificate(docs), null), report, null, ISSUED,
                numbers, key);
    }

    /** A batch worker's drafts ({@link #draft}), one after the other in this one call of the bean. */
    @FunctionalInterface
    public interface Drafts {
        CertificateDraft draft(ComplianceFactsReader.TenantDocuments docs, ComplianceFactsReader.GdprEvidence evidence,
                               CertificateNumberPool numbers, SigningKeyRing.ActiveSigner key) throws CertificateRefusedException;
    }

    /**
     * For the batch: runs {@code worker} (a worker's share of a page) inside one call of this bean, which drafts with
     * the {@link Drafts} it is given: the caller's roles checked once per worker and page rather than once per
     * certificate, and no transaction (a draft reads and writes nothing; a refusal is journaled in a transaction of
     * its own, as in {@link #draft}).
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public <T> T drafting(java.util.function.Function<Drafts, T> worker) {
        return worker.apply(this::draft);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Paris.ZONE));
    }

    @Override
    public CertificateView reissue(String number) throws CertificateNotFoundException, TenantNotFoundException, CertificateRefusedException {
        CertificateRecord previous = find(number);
        if (previous.revoked()) {
            throw new CertificateRefusedException(CertificateRefusedException.Reason.ALREADY_REVOKED, List.of());
        }
        return issueFor(previous.tenantSiren(), previous, reader.shared(today()), false);
    }

    /**
     * Issues for {@code siren}: reissuing {@code previous}, or a first issue which, when the tenant already holds a
     * valid certificate, is refused ({@code VALID_EXISTS}) unless {@code superseding} (staff confirmed): then each
     * valid certificate it held is marked superseded by the new one.
     */
    private CertificateView issueFor(String siren, CertificateRecord previous, ComplianceFactsReader.Shared shared, boolean superseding)
            throws TenantNotFoundException, CertificateRefusedException {
        // One read of the tenant and its contracts serves the rules and the certificate's statements.
        ComplianceFactsReader.TenantDocuments docs = reader.documents(siren, shared);
        String previousNumber = previous == null ? null : previous.number();
        ComplianceReport report = evaluated(siren, reader.facts(docs), previousNumber);
        CertificateFacts facts = certificateFacts(docs, previousNumber);
        Instant checkedAt = clock.instant();
        List<CertificateRecord> held = previous != null ? List.of() : em.createNamedQuery(CertificateRecord.OF_TENANT, CertificateRecord.class)
                .setParameter("siren", siren).getResultList().stream().filter(c -> c.statusAt(checkedAt) == CertificateStatus.VALID).toList();
        if (!held.isEmpty() && !superseding) {
            // a second valid certificate beside the first would be silent: staff confirm that the new one supersedes it
            journal.recordIndependently(JournalEvent.refused(ISSUE_REFUSED, siren, held.get(0).number(), ALREADY_HOLDS));
            throw new CertificateRefusedException(CertificateRefusedException.Reason.VALID_EXISTS, List.of(), held.get(0).number());
        }
        if (previous == null && !held.isEmpty()) {
            previous = held.get(0); // the newest: printed as the one this certificate supersedes
        }
        CertificateDraft draft = render(siren, facts, report, previous == null ? null : previous.number(),
                previous == null || superseding ? ISSUED : REISSUED, null, null);
        CertificateRecord record = draft.record();
        em.persist(record);
        em.persist(new CertificateDocument(record.number(), draft.pdf()));
        if (previous != null) {
            previous.supersede(record.number(), record.issuedBy(), record.issuedAt());
        }
        for (CertificateRecord other : held) {
            if (other != previous) {
                other.supersede(record.number(), record.issuedBy(), record.issuedAt());
            }
        }
        journal.record(draft.entry());
        // the client is told (its contacts, by the outbox, in this transaction: nothing is told of a rolled-back issue)
        notifications.publish(draft.notice());
        return record.toFullView(record.issuedAt(), draft.pdf().length);
    }

    /** The rules evaluated on {@code facts}: a refusal (journaled in its own transaction) when they block or our evidence is missing. */
    private ComplianceReport evaluated(String siren, fr.gestan.cloud.compliance.internal.rules.TenantFacts facts, String previousNumber)
            throws CertificateRefusedException {
        ComplianceReport report = Rules.evaluate(facts);
        if (report.blocked()) {
            String why = report.blockingFindings().stream().map(f -> f.ruleId() + ":" + f.code()).distinct().collect(Collectors.joining(", "));
            journal.recordIndependently(JournalEvent.refused(ISSUE_REFUSED, siren, previousNumber, why));
            throw new CertificateRefusedException(CertificateRefusedException.Reason.BLOCKED, report.blockingFindings());
        }
        // A certificate states only what we can prove: none while one of our obligations lacks fresh evidence.
        List<fr.gestan.cloud.compliance.api.RuleFinding> missing = report.ourMissingEvidence();
        if (!missing.isEmpty()) {
            String why = "our evidence missing: " + missing.stream().map(f -> f.ruleId() + ":" + f.code()).distinct().collect(Collectors.joining(", "));
            journal.recordIndependently(JournalEvent.refused(ISSUE_REFUSED, siren, previousNumber, why));
            throw new CertificateRefusedException(CertificateRefusedException.Reason.EVIDENCE_MISSING, missing);
        }
        return report;
    }

    /** What the certificate states beside the rules; a refusal (journaled) when no contract is left to certify. */
    private CertificateFacts certificateFacts(ComplianceFactsReader.TenantDocuments docs, String previousNumber) throws CertificateRefusedException {
        return certificateFacts(docs, reader.certificate(docs), previousNumber);
    }

    private CertificateFacts certificateFacts(ComplianceFactsReader.TenantDocuments docs, CertificateFacts facts, String previousNumber)
            throws CertificateRefusedException {
        if (facts.contracts().isEmpty()) {
            journal.recordIndependently(JournalEvent.refused(ISSUE_REFUSED, docs.tenant().siren(), previousNumber, "no contract"));
            throw new CertificateRefusedException(CertificateRefusedException.Reason.NO_CONTRACT, List.of());
        }
        return facts;
    }

    /**
     * The certificate numbered (from the batch's {@code numbers}, else the sequence), rendered and signed (every one in
     * full, with its own data and a fresh signature) with {@code key}, else the active key.
     */
    private CertificateDraft render(String siren, CertificateFacts facts, ComplianceReport report, String previousNumber, String action,
                                    CertificateNumberPool numbers, SigningKeyRing.ActiveSigner key) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String number = numbers == null ? CertificateNumbers.next(em, now) : numbers.take(now);
        CertificateContent content = new CertificateContent(number, facts.tenantName(), siren, facts.contracts(), facts.policyVersion(),
                facts.measures(), report.rules().stream().map(r -> new CertificateContent.RuleLine(r.ruleId(), r.legalReference(),
                printedOutcome(r), r.explanationFr() + evidenceBasis(r))).toList(), facts.checkpoint(), now, CertificateRecord.validUntil(now),
                VerificationUrls.of(number), previousNumber, facts.availability(), clientObligations(report));
        Signing.Signed signed = Signing.renderSigned(content, now, key);
        CertificateRecord record = new CertificateRecord(number, siren, facts.tenantName(), Signing.sha256(signed.pdf()), now, actor(),
                previousNumber);
        record.signedWith(signed.keyId());
        return new CertificateDraft(record, signed.pdf(), action);
    }

    @Override
    public CertificateView revoke(String number, String reason) throws CertificateNotFoundException, CertificateRefusedException {
        CertificateRecord record = find(number);
        if (record.revoked()) {
            throw new CertificateRefusedException(CertificateRefusedException.Reason.ALREADY_REVOKED, List.of());
        }
        Instant now = clock.instant();
        record.revoke(reason, actor(), now);
        journal.record(new JournalEvent(REVOKED, record.tenantSiren(), record.number(), JournalEvent.Outcome.SUCCESS, reason.strip()));
        return record.toFullView(now, sizes(List.of(record.number())).getOrDefault(record.number(), 0));
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<CertificateView> search(String tenantSiren, CertificateStatus status, int first, int max) {
        Instant now = clock.instant();
        List<CertificateRecord> rows = query("select c from CertificateRecord c", tenantSiren, status, now, CertificateRecord.class,
                " order by c.id desc").setFirstResult(first).setMaxResults(max).getResultList();
        return views(rows, now);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long count(String tenantSiren, CertificateStatus status) {
        return query("select count(c) from CertificateRecord c", tenantSiren, status, clock.instant(), Long.class, "").getSingleResult();
    }

    /** The registry filtered in the database: by tenant, and by status (revocation and expiry date). */
    private <T> TypedQuery<T> query(String select, String siren, CertificateStatus status, Instant now, Class<T> type, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" where 1 = 1");
        if (siren != null) {
            jpql.append(" and c.tenantSiren = :siren");
        }
        if (status != null) {
            jpql.append(switch (status) {
                case VALID -> " and c.revokedAt is null and c.validUntil > :now";
                case EXPIRED -> " and c.revokedAt is null and c.validUntil <= :now";
                case REVOKED -> " and c.revokedAt is not null";
            });
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        if (siren != null) {
            query.setParameter("siren", siren);
        }
        if (status == CertificateStatus.VALID || status == CertificateStatus.EXPIRED) {
            query.setParameter("now", now);
        }
        return query;
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<CertificateView> mine() {
        return mine(500);
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public Optional<CertificateView> myLatest() {
        return mine(1).stream().findFirst();
    }

    /** The caller's company's first {@code max} certificates, newest first, each with its PDF's size. */
    private List<CertificateView> mine(int max) {
        Optional<String> own = ownTenant();
        if (own.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return em.createNamedQuery(CertificateRecord.OF_TENANT_WITH_SIZE, Object[].class).setParameter("siren", own.get())
                .setMaxResults(max).getResultList().stream()
                .map(r -> ((CertificateRecord) r[0]).toFullView(now, r[1] == null ? 0 : ((Number) r[1]).intValue())).toList();
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public CertificateFile download(String number) throws CertificateNotFoundException {
        CertificateRecord record = find(number);
        if (!TenantConfinement.allows(tenancy, caller, record.tenantSiren())) {
            String own = ownTenant().orElse(null);
            journal.recordIndependently(JournalEvent.refused(DOWNLOAD_REFUSED, own, record.number(), "another tenant's certificate"));
            throw new EJBAccessException("A client may only download its own company's certificates");
        }
        CertificateDocument document = em.find(CertificateDocument.class, record.number());
        if (document == null) {
            // recorded through the registry API alone (no PDF kept)
            throw new CertificateNotFoundException(number);
        }
        journal.record(JournalEvent.success(DOWNLOADED, record.tenantSiren(), record.number()));
        return new CertificateFile("attestation-" + record.number() + ".pdf", document.pdf());
    }

    @Override
    @PermitAll
    public FileVerification verifyFile(byte[] pdf) {
        String sha = Signing.sha256(pdf);
        Instant now = clock.instant();
        return new FileVerification(sha, em.createNamedQuery(CertificateRecord.BY_SHA256, CertificateRecord.class)
                .setParameter("sha256", sha).setMaxResults(1).getResultList().stream().findFirst().map(c -> c.toView(now)).orElse(null));
    }

    private CertificateRecord find(String number) throws CertificateNotFoundException {
        String normalised = number.strip().toUpperCase(Locale.ROOT);
        return em.createNamedQuery(CertificateRecord.BY_NUMBER, CertificateRecord.class).setParameter("number", normalised)
                .getResultList().stream().findFirst().orElseThrow(() -> new CertificateNotFoundException(normalised));
    }

    private Optional<String> ownTenant() {
        return tenancy.isResolvable() ? tenancy.get().tenantOfCaller() : Optional.empty();
    }

    private List<CertificateView> views(List<CertificateRecord> rows, Instant now) {
        Map<String, Integer> sizes = sizes(rows.stream().map(CertificateRecord::number).toList());
        return rows.stream().map(r -> r.toFullView(now, sizes.getOrDefault(r.number(), 0))).toList();
    }

    private Map<String, Integer> sizes(List<String> numbers) {
        Map<String, Integer> sizes = new HashMap<>();
        if (!numbers.isEmpty()) {
            for (Object[] row : em.createNamedQuery(CertificateDocument.SIZES, Object[].class).setParameter("numbers", numbers).getResultList()) {
                sizes.put((String) row[0], ((Number) row[1]).intValue());
            }
        }
        return sizes;
    }

    /** Our part of a rule as the certificate prints it; {@code CLIENT_OBLIGATIONS} when the client has to-dos in it. */
    static String printedOutcome(fr.gestan.cloud.compliance.api.RuleResultView rule) {
        RuleOutcome ours = rule.ourOutcome();
        return ours == RuleOutcome.PASS && !rule.clientToDos().isEmpty() ? "CLIENT_OBLIGATIONS" : ours.name();
    }

    /**
     * The client's own to-dos, printed on the certificate as the client's obligations (not as our failure): French
     * and English text of each finding, with its evidence.
     */
    static List<CertificateContent.Obligation> clientObligations(ComplianceReport report) {
        return report.clientToDos().stream().map(f -> new CertificateContent.Obligation(f.ruleId(), f.code(),
                f.evidence() == null ? "" : f.evidence())).distinct().toList();
    }

    /**
     * What a rule's controls rest on, printed after its explanation: evidence the machines reported, or (for part of
     * it) declared by staff only. Empty for rules without control findings.
     */
    public static String evidenceBasis(fr.gestan.cloud.compliance.api.RuleResultView rule) {
        boolean declared = rule.findings().stream().anyMatch(f -> UpdatesAndBackupsRule.DECLARED_ONLY.equals(f.code()));
        boolean reported = rule.findings().stream().anyMatch(f -> "control-ok".equals(f.code()));
        return declared ? " Preuves : déclarées par le personnel (en tout ou partie), non transmises par les machines."
                : reported ? " Preuves : transmises par les machines." : "";
    }
}
