package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
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
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import fr.gestan.cloud.compliance.api.Certificates;
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
import java.util.function.Function;
import java.util.ArrayList;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.logging.Logger;

/**
 * Issues certificates in bulk (see {@link CertificateBatch}). Reads the candidates a page at a time in SIREN order
 * (keyset, so certificates issued meanwhile do not shift the pages), asks in one query each which of the page already
 * hold a valid certificate and which hold a contract at all, and issues for the others through
 * {@link Certificates#issue}: no transaction here, so each issue has its own and the caller stays the one journaled
 * as issuer. Each page commits its tally and the position after it; a run whose node dies is resumed from there by
 * the node whose sweep finds it silent ({@link #resume}).
 */
@ValidatesBusinessInterface
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
        try {
            List<String> page;
            Instant since = resumedSince;
            ComplianceFactsReader.Shared shared = null;
            do {
                page = em.createNamedQuery(StoredReport.UNBLOCKED_AFTER, String.class).setParameter("after", after)
                        .setMaxResults(pageSize).getResultList();
                Set<String> holding = page.isEmpty() ? Set.of() : new HashSet<>(em.createNamedQuery(CertificateRecord.HOLDING_VALID, String.class)
                        .setParameter("sirens", page).setParameter("now", clock.instant()).getResultList());
                // Resuming: the page the dead node was on may hold certificates it issued before its page was committed.
                Set<String> issuedByThisRun = since == null || page.isEmpty() ? Set.of() : new HashSet<>(em.createNamedQuery(
                                CertificateRecord.HOLDING_VALID_SINCE, String.class).setParameter("sirens", page)
                        .setParameter("now", clock.instant()).setParameter("since", since).getResultList());
                since = null;
                Set<String> hosted = page.isEmpty() ? Set.of() : contracts.tenantsWithContract(page);
                List<String> toIssue = page.stream().filter(s -> !holding.contains(s) && !issuedByThisRun.contains(s) && hosted.contains(s)).toList();
                Map<String, Function<CertificateBatchTally, CertificateBatchTally>> refused = new ConcurrentHashMap<>();
                Map<String, CertificateDraft> drafts = new ConcurrentHashMap<>();
                if (!toIssue.isEmpty()) {
                    if (!runs.works(runId, worker)) {
                        throw new CertificateBatchRunStore.TakenOverException(runId, "another node");
                    }
                    // Reference data: read once per batch, again only when it changed; the page's tenants in a few queries.
                    shared = reader.sharedFor(LocalDate.now(clock.withZone(Paris.ZONE)), shared);
                    drafts(toIssue, shared, drafts, refused, threads);
                }
                List<CertificateBatchTally> told = new ArrayList<>();
                String position = page.isEmpty() ? after : page.get(page.size() - 1);
                CertificateBatchTally before = running[0];
                List<String> tenants = page;
                // One transaction stores the page's certificates, their journal entries and notices, the tally and position.
                pages.store(runId, worker, toIssue.stream().map(drafts::get).filter(java.util.Objects::nonNull).toList(), dropped -> {
                    told.clear();
                    CertificateBatchTally t = before;
                    for (String siren : tenants) {
                        t = issuedByThisRun.contains(siren) ? t.withIssued()
                                : holding.contains(siren) || dropped.contains(siren) ? t.withAlreadyValid()
                                : !hosted.contains(siren) ? t.withNoContract() // nothing to certify: not a refusal
                                : drafts.containsKey(siren) ? t.withIssued()
                                : refused.get(siren).apply(t);
                        told.add(t);
                    }
                    return t;
                }, position);
                told.forEach(progress);
                running[0] = told.isEmpty() ? before : told.get(told.size() - 1);
                after = position;
                if (pause > 0 && page.size() == pageSize) {
                    pace(pause);
                }
            } while (page.size() == pageSize);
            completed = true;
            return running[0];
        } catch (CertificateBatchRunStore.TakenOverException e) {
            lost = true;
            LOG.warning(() -> "Certificate batch " + runId + " was taken over by another node (this one was silent too long): "
                    + "this node stops it here, the other carries it on");
            return running[0];
        } finally {
            CertificateBatchTally done = running[0];
            if (!lost && runs.ended(runId, worker, completed, done)) {
                journal.recordIndependently(new JournalEvent(BATCH, null, null,
                        completed ? JournalEvent.Outcome.SUCCESS : JournalEvent.Outcome.FAILURE, done.summary()));
            }
            LOG.info(() -> "Certificate batch " + runId + ": " + done.summary() + " in " + Duration.between(start, clock.instant()).toMillis()
                    + " ms on " + threads + " thread(s)" + (resumedSince == null ? "" : ", resumed on " + node));
        }
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

    /** Waits for every worker; the first failure is thrown once all have ended (the batch then ends as failed). */
    private static void awaitAll(List<Future<?>> workers) {
        RuntimeException failure = null;
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("certificate batch interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Renders and signs the page's certificates in parallel: {@code threads} workers of the managed executor (as the
     * caller) take the next tenant until none is left; each draft (or refusal, journaled as a single issue's) is put in
     * {@code drafts} or {@code refused}. The page's facts are read before, in a few queries for all its tenants.
     */
    private void drafts(List<String> toIssue, ComplianceFactsReader.Shared shared, Map<String, CertificateDraft> drafts,
                        Map<String, Function<CertificateBatchTally, CertificateBatchTally>> refused, int threads) {
        Map<String, ComplianceFactsReader.TenantDocuments> docs = reader.documentsOf(toIssue, shared);
        ComplianceFactsReader.GdprEvidence evidence = reader.evidenceOf(toIssue);
        Queue<String> queue = new ConcurrentLinkedQueue<>(toIssue);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(threads, toIssue.size()); w++) {
            workers.add(executor.submit(() -> {
                for (String siren; (siren = queue.poll()) != null; ) {
                    ComplianceFactsReader.TenantDocuments tenant = docs.get(siren);
                    if (tenant == null) {
                        String gone = siren;
                        refused.put(siren, t -> t.withRefused(gone)); // deleted since the report: nothing to certify
                        continue;
                    }
                    draft(tenant, evidence, drafts, refused);
                }
            }));
        }
        awaitAll(workers);
    }

    /** One tenant's draft (on a worker); a refusal is journaled by the issue and counted as the issue would be. */
    private void draft(ComplianceFactsReader.TenantDocuments tenant, ComplianceFactsReader.GdprEvidence evidence,
                       Map<String, CertificateDraft> drafts, Map<String, Function<CertificateBatchTally, CertificateBatchTally>> refused) {
        String siren = tenant.tenant().siren();
        try {
            drafts.put(siren, certificates.draft(tenant, evidence));
        } catch (CertificateRefusedException e) {
            // our missing evidence is counted apart
            refused.put(siren, e.reason() == CertificateRefusedException.Reason.EVIDENCE_MISSING ? t -> t.withRefusedEvidence(siren)
                    : t -> t.withRefused(siren));
        }
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
