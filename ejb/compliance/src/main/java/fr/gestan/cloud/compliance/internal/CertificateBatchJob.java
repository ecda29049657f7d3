package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Paris;
import java.time.LocalDate;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.annotation.Resource;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.compliance.api.CertificateBatch;
import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchRunningException;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import fr.gestan.cloud.compliance.internal.report.StoredReport;
import fr.gestan.cloud.hosting.api.HostingContracts;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import fr.gestan.cloud.common.NodeName;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Semaphore;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.logging.Logger;

/**
 * Issues certificates in bulk (see {@link CertificateBatch}). Reads the candidates a page at a time in SIREN order
 * (keyset, so certificates issued meanwhile do not shift the pages), asks in one query each which of the page already
 * hold a valid certificate and which hold a contract at all, reads the others' facts in one query per kind, and has
 * their certificates rendered and signed in parallel on the managed executor (the rules evaluated again for each, as
 * {@link Certificates#issue} does, refusals journaled alike); then stores the page in one transaction
 * ({@link CertificatePageStore}: certificates, journal entries, notices, tally and position), while the next page is
 * drafted. No transaction here; the caller stays the one journaled as issuer. A run whose node dies is resumed from
 * its last stored page by the node whose sweep finds it silent ({@link #resume}).
 */
@Singleton
@Local(CertificateBatch.class)
@LocalBean // resume, for CertificateBatchResumer
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@DependsOn("ComplianceSchema") // its timer reads the batch tables
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(ClusterOnce.class)
public class CertificateBatchJob extends ComplianceServiceBase implements CertificateBatch {

    static final String BATCH = "CERTIFICATE_BATCH";
    static final int PAGE = 50;
    static final String THREADS_PROPERTY = "gestan.certificates.batch-threads";
    static final String THREADS_ENV = "GESTAN_CERTIFICATES_BATCH_THREADS";
    /** Tenants a page (each page commits its tally and position: where another node resumes a run whose node died). */
    static final String PAGE_PROPERTY = "gestan.certificates.batch-page-size";
    static final String PAGE_ENV = "GESTAN_CERTIFICATES_BATCH_PAGE_SIZE";
    /** For tests only: a pause after each page, in ms (default none), so that a batch over few tenants is caught mid-run. */
    static final String PAUSE_PROPERTY = "gestan.certificates.batch-page-pause-ms";
    static final String PAUSE_ENV = "GESTAN_CERTIFICATES_BATCH_PAGE_PAUSE_MS";
    private static final Logger LOG = Logger.getLogger(CertificateBatchJob.class.getName());

    @EJB
    CertificatesBean certificates;
    @EJB
    ComplianceFactsReader reader;
    @EJB
    HostingContracts contracts;
    @EJB
    CertificateBatchRunStore runs;
    @EJB
    CertificatePageStore pages;
    @EJB
    CertificateBatchResumer resumer;
    @EJB
    CertificatePageRead pageRead;
    /** The server's managed executor: the caller's identity is propagated, so each issue is checked and journaled as its. */
    @Resource
    ManagedExecutorService executor;

    @Override
    public long candidates() {
        return em.createNamedQuery(StoredReport.UNBLOCKED_COUNT, Long.class).getSingleResult();
    }

    @Override
    public CertificateBatchTally run(Consumer<CertificateBatchTally> progress) throws CertificateBatchRunningException {
        String worker = UUID.randomUUID().toString();
        long runId = runs.begin(actor(), candidates(), NodeName.current(), worker);
        return pages(runId, worker, "", CertificateBatchTally.NONE, null, progress);
    }

    /**
     * Carries on a run whose node stopped beating (called by {@link CertificateBatchResumer} from the sweep), if this
     * node wins its takeover: from the position after its last committed page, with its tally; the tenants of the
     * page that was under way when its node died and which that node certified meanwhile are counted issued, not
     * issued again. Nothing when another node took it over, or it beats again.
     */
    public void resume(long runId) {
        String worker = UUID.randomUUID().toString();
        runs.takeOver(runId, NodeName.current(), worker).ifPresent(resumed ->
                pages(runId, worker, resumed.after(), resumed.tally(), resumed.startedAt().truncatedTo(ChronoUnit.SECONDS), t -> { }));
    }

    /**
     * The batch's pages from {@code after} on, tallied from {@code tally}, by the loop {@code worker} (its token in the
     * run: a loop whose run another took over stops). {@code resumedSince}: when resuming, the start of the run, whose
     * certificates in the first page count as issued by it.
     */
    private CertificateBatchTally pages(long runId, String worker, String after, CertificateBatchTally tally, Instant resumedSince,
                                        Consumer<CertificateBatchTally> progress) {
        String node = NodeName.current();
        int threads = threads();
        int pageSize = setting(PAGE_PROPERTY, PAGE_ENV, PAGE, 1);
        int pause = setting(PAUSE_PROPERTY, PAUSE_ENV, 0, 0);
        Instant start = clock.instant();
        boolean completed = false;
        boolean lost = false;
        CertificateBatchTally[] running = {tally};
        // the pages read and being drafted, in order: the first is stored next; the one after it is read while the
        // first is drafted, so that the workers go on with it as soon as they are done with the first
        Deque<BatchPage> ahead = new ArrayDeque<>();
        // the page before, being stored while the loop reads the next one and waits for this one's drafts
        StoringPage[] storing = {null};
        BatchTimes times = new BatchTimes();
        try {
            Batch batch = new Batch(runId, worker, pageSize, threads, new Semaphore(threads),
                    new CertificateNumberPool(CertificateNumbers.sequence(em)), new ComplianceFactsReader.Shared[] {null}, new BatchPage[] {null});
            long firstRead = System.nanoTime();
            BatchPage first = read(batch, after, resumedSince);
            times.read(firstRead);
            if (first != null) {
                ahead.add(first);
            }
            while (!ahead.isEmpty()) {
                BatchPage page = ahead.peekFirst();
                if (ahead.size() == 1 && page.tenants.size() == pageSize) {
                    long reading = System.nanoTime();
                    BatchPage next = read(batch, page.position, null);
                    times.read(reading);
                    if (next != null) {
                        ahead.add(next);
                    }
                }
                long waited = System.nanoTime();
                List<CertificateDraft> drafts = page.drafted();
                times.waited(waited);
                times.drafting(page);
                ahead.removeFirst();
                stored(storing, running, progress, times);
                // One transaction stores the page's certificates, their journal entries and notices, the tally and position.
                storing[0] = new StoringPage(page, running[0], tallied -> pages.storeMeanwhile(runId, worker, drafts, tallied, page.position));
                if (pause > 0 && !ahead.isEmpty()) {
                    pace(pause);
                }
            }
            stored(storing, running, progress, times);
            completed = true;
            return running[0];
        } catch (CertificateBatchRunStore.TakenOverException e) {
            lost = true;
            LOG.warning(() -> "Certificate batch " + runId + " was taken over by another node (this one was silent too long): "
                    + "this node stops it here, the other carries it on");
            return running[0];
        } finally {
            if (storing[0] != null) { // a failure while the page before was stored: its commit counts
                try {
                    stored(storing, running, t -> { }, times);
                } catch (RuntimeException ignored) {
                    // the batch ends on the failure that stopped it
                }
            }
            ahead.forEach(BatchPage::abandon); // the pages drafted ahead of a failure: their workers end before the run does
            CertificateBatchTally done = running[0];
            if (!lost && runs.ended(runId, worker, completed, done)) {
                journal.recordIndependently(new JournalEvent(BATCH, null, null,
                        completed ? JournalEvent.Outcome.SUCCESS : JournalEvent.Outcome.FAILURE, done.summary()));
            }
            LOG.info(() -> "Certificate batch " + runId + ": " + done.summary() + " in " + Duration.between(start, clock.instant()).toMillis()
                    + " ms on " + threads + " thread(s)" + (resumedSince == null ? "" : ", resumed on " + node) + "; " + times);
        }
    }

    /** Waits for the page being stored, if any, then tells its tallies and makes the last one the running tally. */
    private static void stored(StoringPage[] storing, CertificateBatchTally[] running, Consumer<CertificateBatchTally> progress,
                               BatchTimes times) {
        StoringPage page = storing[0];
        if (page == null) {
            return;
        }
        storing[0] = null;
        long waiting = System.nanoTime();
        List<CertificateBatchTally> told = page.stored();
        times.stored(waiting);
        told.forEach(progress);
        running[0] = page.after(told);
    }

    /** Test pacing only ({@value #PAUSE_PROPERTY}): a batch over the few demo tenants would end before a node is killed. */
    private static void pace(int pauseMs) {
        try {
            Thread.sleep(pauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("certificate batch interrupted", e);
        }
    }

    /** An integer setting: system property, else environment, else {@code fallback}; at least {@code min}. */
    static int setting(String property, String env, int fallback, int min) {
        String configured = System.getProperty(property, System.getenv(env));
        try {
            return configured == null ? fallback : Math.max(min, Integer.parseInt(configured.strip()));
        } catch (NumberFormatException e) {
            LOG.warning(() -> property + " is not a number: " + configured + "; using " + fallback);
            return fallback;
        }
    }

    /**
     * Issues at once: {@value #THREADS_PROPERTY} (system property) or {@value #THREADS_ENV}, else the number of cores
     * (rendering and signing use them while other issues wait on the database).
     */
    static int threads() {
        String configured = System.getProperty(THREADS_PROPERTY, System.getenv(THREADS_ENV));
        try {
            return configured == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(configured.strip()));
        } catch (NumberFormatException e) {
            LOG.warning(() -> THREADS_PROPERTY + " is not a number: " + configured + "; using the number of cores");
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * What the batch's pages share: the run and its loop, the page size, the workers' number and permits, the
     * certificate numbers, and the reference data (read once per batch, again only when it changed).
     */
    record Batch(long runId, String worker, int pageSize, int threads, Semaphore slots, CertificateNumberPool numbers,
                         ComplianceFactsReader.Shared[] shared, BatchPage[] last) {
    }

    /**
     * The page after {@code after}: its tenants and what the batch's queries tell of them, its certificates being
     * drafted (started here, not awaited: its workers wait for the permits of the page before). {@code since}: when
     * resuming, the start of the run (its first page may hold certificates the dead node issued). Null when no tenant
     * is left.
     */
    private BatchPage read(Batch batch, String after, Instant since) {
        // read in one transaction; drafting starts once it committed (the journal checkpoint the page prints is pinned then)
        PageRead read = pageRead.read(() -> readPage(batch, after, since));
        if (read == null) {
            return null;
        }
        BatchPage page = read.page();
        if (read.docs() != null) {
            page.draft(executor, batch.slots(), batch.threads(), certificates, batch.numbers(), read.docs(), read.evidence(),
                    batch.last()[0], read.key());
        }
        batch.last()[0] = page;
        return page;
    }

    /** A page as read, before its drafting starts: its facts null when it has nobody to certify. */
    record PageRead(BatchPage page, Map<String, ComplianceFactsReader.TenantDocuments> docs,
                            ComplianceFactsReader.GdprEvidence evidence, SigningKeyRing.ActiveSigner key) {
    }

    /** The page's reading, in the transaction of {@link #read}. */
    PageRead readPage(Batch batch, String after, Instant since) {
        // the candidates, which of them hold a valid certificate, and whether this loop still works on the run: one statement
        List<Object[]> rows = em.createNamedQuery(CertificateBatchRun.PAGE, Object[].class).setParameter("after", after)
                .setParameter("now", clock.instant()).setParameter("run", batch.runId()).setParameter("worker", batch.worker())
                .setMaxResults(batch.pageSize()).getResultList();
        if (rows.isEmpty()) {
            if (!runs.works(batch.runId(), batch.worker())) { // no page for a loop whose run another node took over
                throw new CertificateBatchRunStore.TakenOverException(batch.runId(), "another node");
            }
            return null;
        }
        List<String> tenants = new ArrayList<>(rows.size());
        Set<String> holding = new HashSet<>();
        for (Object[] row : rows) {
            tenants.add((String) row[0]);
            if (Boolean.TRUE.equals(row[1])) {
                holding.add((String) row[0]);
            }
        }
        // Resuming: the page the dead node was on may hold certificates it issued before its page was committed.
        Set<String> issuedByThisRun = since == null ? Set.of() : new HashSet<>(em.createNamedQuery(
                        CertificateRecord.HOLDING_VALID_SINCE, String.class).setParameter("sirens", tenants)
                .setParameter("now", clock.instant()).setParameter("since", since).getResultList());
        BatchPage page = new BatchPage(tenants, tenants.get(tenants.size() - 1), holding, issuedByThisRun, contracts.tenantsWithContract(tenants));
        if (page.toIssue().isEmpty()) {
            return new PageRead(page, null, null, null);
        }
        ComplianceFactsReader.Shared[] shared = batch.shared();
        shared[0] = reader.sharedFor(LocalDate.now(clock.withZone(Paris.ZONE)), shared[0]);
        // the page's tenants, contracts and GDPR evidence in a few queries for all of them
        Map<String, ComplianceFactsReader.TenantDocuments> docs = reader.documentsOf(page.toIssue(), shared[0]);
        // what the page's certificates share, read here rather than by the first worker while the others wait
        reader.prepare(shared[0], docs.values());
        // the page's numbers in two statements, rather than two for each certificate on a worker
        batch.numbers().expect(page.toIssue().size(), clock.instant());
        // the signing key once a page (a rotation, here or on another node, signs from the next page on)
        return new PageRead(page, docs, reader.evidenceOf(page.toIssue()), Signing.activeKey());
    }

    /**
     * Every 15 s on the node holding the sweep's lease (see {@link CertificateBatchRunStore#sweep}): the runs whose node
     * stopped beating are resumed here; a failure waits for the next run.
     */
    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "certificate-batch-sweep")
    // A lease, so that one node sweeps at a time (a takeover or an interruption is decided under the run's row lock all
    // the same); held 30 s, renewed every 15 s: a dead holder's silent batch is resumed by another node within 45 s
    // plus the staleness delay.
    @OncePerCluster(lease = "certificate-batch-sweep", holdSeconds = 30)
    @PermitAll
    void sweepInterrupted() {
        try {
            for (long runId : runs.sweep()) {
                resumer.resume(runId); // asynchronous: the sweep goes on; the takeover decides which node carries it on
            }
        } catch (RuntimeException e) {
            LOG.warning("Could not check the certificate batches; the next run retries: " + e);
        }
    }

    @Override
    public boolean running() {
        return lastRun().map(CertificateBatchRunView::running).orElse(false);
    }

    @Override
    public Optional<CertificateBatchRunView> lastRun() {
        return runs.last();
    }
}
