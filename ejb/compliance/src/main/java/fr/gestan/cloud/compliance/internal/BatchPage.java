package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One page of the certificate batch: its tenants in SIREN order, what the batch's queries told of them (already
 * certified, hosted, certified by this run before its node died), and its certificates drafted in parallel: workers
 * of the managed executor (running as the caller) take the next tenant until none is left, each rendering and
 * signing a certificate, or refusing it as a single issue would (journaled). The batch drafts the next page while it
 * stores this one ({@link CertificatePageStore}), then tallies the page in SIREN order.
 */
final class BatchPage {

    final List<String> tenants;
    final String position;
    private final Set<String> holding;
    private final Set<String> issuedByThisRun;
    private final Set<String> hosted;
    private final List<String> toIssue;
    private final Map<String, CertificateDraft> drafts = new ConcurrentHashMap<>();
    private final Map<String, Function<CertificateBatchTally, CertificateBatchTally>> refused = new ConcurrentHashMap<>();
    private final List<Future<?>> workers = new ArrayList<>();

    /**
     * @param position        the run's position once this page is stored (its last SIREN; {@code after} when empty)
     * @param holding         the tenants holding a valid certificate (skipped, counted already valid)
     * @param issuedByThisRun resuming: those certified by this run on the page its dead node was on (counted issued)
     * @param hosted          the tenants holding a contract (the others are counted without contract)
     */
    BatchPage(List<String> tenants, String position, Set<String> holding, Set<String> issuedByThisRun, Set<String> hosted) {
        this.tenants = List.copyOf(tenants);
        this.position = Objects.requireNonNull(position);
        this.holding = holding;
        this.issuedByThisRun = issuedByThisRun;
        this.hosted = hosted;
        this.toIssue = tenants.stream().filter(s -> !holding.contains(s) && !issuedByThisRun.contains(s) && hosted.contains(s)).toList();
    }

    /** The tenants to certify: hosted, without a valid certificate. */
    List<String> toIssue() {
        return toIssue;
    }

    /**
     * Starts drafting on {@code threads} workers of {@code executor}, from the page's facts ({@code docs}, read for all
     * its tenants at once; a tenant missing from it was deleted since the report: refused).
     */
    void draft(ExecutorService executor, int threads, CertificatesBean certificates, Map<String, ComplianceFactsReader.TenantDocuments> docs,
               ComplianceFactsReader.GdprEvidence evidence) {
        Queue<String> queue = new ConcurrentLinkedQueue<>(toIssue);
        for (int w = 0; w < Math.min(threads, toIssue.size()); w++) {
            workers.add(executor.submit(() -> {
                for (String siren; (siren = queue.poll()) != null; ) {
                    ComplianceFactsReader.TenantDocuments tenant = docs.get(siren);
                    String refusedSiren = siren;
                    try {
                        if (tenant == null) {
                            refused.put(siren, t -> t.withRefused(refusedSiren));
                        } else {
                            drafts.put(siren, certificates.draft(tenant, evidence));
                        }
                    } catch (CertificateRefusedException e) {
                        // our missing evidence is counted apart
                        refused.put(siren, e.reason() == CertificateRefusedException.Reason.EVIDENCE_MISSING
                                ? t -> t.withRefusedEvidence(refusedSiren) : t -> t.withRefused(refusedSiren));
                    }
                }
            }));
        }
    }

    /** Waits for the page's workers; the first failure is thrown once all have ended (the batch then ends as failed). */
    List<CertificateDraft> drafted() {
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
        return toIssue.stream().map(drafts::get).filter(Objects::nonNull).toList();
    }

    /** Waits for the page's workers, whatever they end with (the batch stops: nothing of theirs is stored). */
    void abandon() {
        try {
            drafted();
        } catch (RuntimeException ignored) {
            // the batch ends on the failure that stopped it
        }
    }

    /**
     * The running tally after each of the page's tenants in SIREN order, from {@code before}; {@code dropped}: the
     * tenants whose drafts the store dropped (certified meanwhile).
     */
    List<CertificateBatchTally> tallies(CertificateBatchTally before, Set<String> dropped) {
        List<CertificateBatchTally> told = new ArrayList<>();
        CertificateBatchTally t = before;
        for (String siren : tenants) {
            t = issuedByThisRun.contains(siren) ? t.withIssued()
                    : holding.contains(siren) || dropped.contains(siren) ? t.withAlreadyValid()
                    : !hosted.contains(siren) ? t.withNoContract() // nothing to certify: not a refusal
                    : drafts.containsKey(siren) ? t.withIssued()
                    : refused.get(siren).apply(t);
            told.add(t);
        }
        return told;
    }
}
