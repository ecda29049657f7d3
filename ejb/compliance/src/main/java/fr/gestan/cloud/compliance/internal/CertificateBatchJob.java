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
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.internal.report.StoredReport;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * as issuer.
 */
// Method validation of the interface's constraints: HV-994, see docs/architecture.md.
@ValidateOnExecution
@Singleton
@Local(CertificateBatch.class)
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
    private static final Logger LOG = Logger.getLogger(CertificateBatchJob.class.getName());

    @EJB
    CertificatesBean certificates;
    @EJB
    ComplianceFactsReader reader;
    @EJB
    HostingContracts contracts;
    @EJB
    CertificateBatchRunStore runs;
    /** The server's managed executor: the caller's identity is propagated, so each issue is checked and journaled as its. */
    @Resource
    ManagedExecutorService executor;

    @Override
    public long candidates() {
        return em.createNamedQuery(StoredReport.UNBLOCKED_COUNT, Long.class).getSingleResult();
    }

    @Override
    public CertificateBatchTally run(Consumer<CertificateBatchTally> progress) throws CertificateBatchRunningException {
        long runId = runs.begin(actor(), candidates());
        int threads = threads();
        Instant start = clock.instant();
        CertificateBatchTally tally = CertificateBatchTally.NONE;
        boolean completed = false;
        try {
            String after = "";
            List<String> page;
            do {
                page = em.createNamedQuery(StoredReport.UNBLOCKED_AFTER, String.class).setParameter("after", after)
                        .setMaxResults(PAGE).getResultList();
                Set<String> holding = page.isEmpty() ? Set.of() : new HashSet<>(em.createNamedQuery(CertificateRecord.HOLDING_VALID, String.class)
                        .setParameter("sirens", page).setParameter("now", clock.instant()).getResultList());
                Set<String> hosted = contracts.tenantsWithContract(page);
                // Servers, data centres, operators, staff, policy and recovery plans: read once for the page.
                ComplianceFactsReader.Shared shared = page.isEmpty() ? null
                        : reader.shared(LocalDate.now(clock.withZone(Paris.ZONE)));
                // The page's issues run in parallel, each in its own transaction and as the caller: `threads` workers of
                // the managed executor take the next tenant until none is left; tallied in page order afterwards.
                Queue<String> toIssue = new ConcurrentLinkedQueue<>(page.stream().filter(s -> !holding.contains(s) && hosted.contains(s)).toList());
                Map<String, Function<CertificateBatchTally, CertificateBatchTally>> issued = new ConcurrentHashMap<>();
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < Math.min(threads, toIssue.size()); w++) {
                    workers.add(executor.submit(() -> {
                        for (String siren; (siren = toIssue.poll()) != null; ) {
                            issued.put(siren, issue(siren, shared));
                        }
                    }));
                }
                awaitAll(workers);
                for (String siren : page) {
                    tally = holding.contains(siren) ? tally.withAlreadyValid()
                            : !hosted.contains(siren) ? tally.withNoContract() // nothing to certify: not a refusal
                            : issued.get(siren).apply(tally);
                    progress.accept(tally);
                }
                after = page.isEmpty() ? after : page.get(page.size() - 1);
                runs.progressed(runId, tally);
            } while (page.size() == PAGE);
            completed = true;
            return tally;
        } finally {
            CertificateBatchTally done = tally;
            runs.ended(runId, completed, done);
            journal.recordIndependently(new JournalEvent(BATCH, null, null,
                    completed ? JournalEvent.Outcome.SUCCESS : JournalEvent.Outcome.FAILURE, done.summary()));
            LOG.info(() -> "Certificate batch: " + done.summary() + " in " + Duration.between(start, clock.instant()).toMillis() + " ms on "
                    + threads + " thread(s)");
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

    /** Issues for one tenant (on a worker of the managed executor); the answer is how it counts in the tally. */
    private Function<CertificateBatchTally, CertificateBatchTally> issue(String siren, ComplianceFactsReader.Shared shared) {
        try {
            certificates.issue(siren, shared);
            return CertificateBatchTally::withIssued;
        } catch (CertificateRefusedException refused) {
            // journaled by the issue itself; our missing evidence is counted apart, a certificate meanwhile is no refusal
            return switch (refused.reason()) {
                case EVIDENCE_MISSING -> t -> t.withRefusedEvidence(siren);
                case VALID_EXISTS -> CertificateBatchTally::withAlreadyValid;
                default -> t -> t.withRefused(siren);
            };
        } catch (TenantNotFoundException refused) {
            return t -> t.withRefused(siren); // journaled by the issue itself
        }
    }

    /** Every 15 s on the node holding the sweep's lease (see {@link CertificateBatchRunStore#sweep}); a failure waits for the next run. */
    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "certificate-batch-sweep")
    // A lease: two nodes sweeping at once would both read the same silent run and journal its interruption twice.
    @OncePerCluster(lease = "certificate-batch-sweep", holdSeconds = 60)
    @PermitAll
    void sweepInterrupted() {
        try {
            runs.sweep();
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
