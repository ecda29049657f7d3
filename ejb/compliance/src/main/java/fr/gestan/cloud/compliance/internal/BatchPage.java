package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import fr.gestan.cloud.compliance.internal.pdf.SigningKeyRing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * One page of the certificate batch: its tenants in SIREN order, what the batch's queries told of them (already
 * certified, hosted, certified by this run before its node died), and its certificates drafted in parallel: workers
 * of the managed executor (running as the caller) take the next tenant until none is left, each rendering and
 * signing a certificate, or refusing it as a single issue would (journaled). The batch reads the next page while
 * this one is drafted (its workers start once this one's tenants are all taken, so that no worker waits for a page to
 * be read or stored), stores this one ({@link CertificatePageStore}) while the next is drafted, then tallies the page
 * in SIREN order.
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
    /** Open once every tenant of the page is taken by a worker (or a worker ended): the next page's workers start then. */
    private final CountDownLatch taken = new CountDownLatch(1);
    /** The workers' time inside a draft (rules, rendering, signing), in ns: for the batch's own account of its time. */
    private final LongAdder drafting = new LongAdder();

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
        if (toIssue.isEmpty()) {
            taken.countDown();
        }
    }

    /** The tenants to certify: hosted, without a valid certificate. */
    List<String> toIssue() {
        return toIssue;
    }

    /**
     * Starts drafting on {@code threads} workers of {@code executor}, from the page's facts ({@code docs}, read for all
     * its tenants at once; a tenant missing from it was deleted since the report: refused). {@code slots}: the batch's
     * permits, one per worker drafting at once, shared with the page drafted before, whose workers this page's take
     * over as they finish (so that no worker waits for the page before to be stored or this one to be read).
     * {@code numbers}: the batch's certificate numbers, which expect this page's tenants already. {@code before}: the
     * page read before this one (null for the first), whose tenants are all taken before this page's workers start, so
     * that it is stored as soon as possible. {@code key}: the signing key of the page's certificates (the active one
     * when the page was read: the ring's {@code active} file is read once a page, not once a certificate).
     */
    void draft(ExecutorService executor, Semaphore slots, int threads, CertificatesBean certificates, CertificateNumberPool numbers,
               Map<String, ComplianceFactsReader.TenantDocuments> docs, ComplianceFactsReader.GdprEvidence evidence, BatchPage before,
               SigningKeyRing.ActiveSigner key) {
        Queue<String> queue = new ConcurrentLinkedQueue<>(toIssue);
        // Only the page before's latch, never the page itself: the managed executor's futures keep their task (Glassfish's
        // ManagedFutureTask never lets it go), so a task holding the page before held that page's futures, which held the
        // one before it, and so on: every page of the batch, its drafts and their PDFs stayed reachable until the batch
        // ended (58 KB a certificate: 580 MB at 10,000 tenants, more than the server's 384 MB heap; docs/performance.md,
        // batch11).
        CountDownLatch beforeTaken = before == null ? null : before.taken;
        try {
            for (int w = 0; w < Math.min(threads, toIssue.size()); w++) {
                workers.add(executor.submit(() -> {
                    try {
                        if (beforeTaken != null) {
                            beforeTaken.await();
                        }
                        // one call of the bean for this worker's share of the page, not one per certificate
                        return certificates.drafting(drafts -> {
                            while (true) {
                                try {
                                    slots.acquire();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException("certificate batch interrupted", e);
                                }
                                try {
                                    String siren = queue.poll();
                                    if (siren == null) {
                                        return null;
                                    }
                                    long t = System.nanoTime();
                                    draft(siren, docs.get(siren), drafts, numbers, evidence, key);
                                    drafting.add(System.nanoTime() - t);
                                } finally {
                                    slots.release();
                                }
                            }
                        });
                    } finally {
                        taken.countDown(); // every tenant taken, or this worker failed: the next page's may start
                    }
                }));
            }
        } finally {
            if (workers.isEmpty()) {
                taken.countDown();
            }
        }
    }

    private void draft(String siren, ComplianceFactsReader.TenantDocuments tenant, CertificatesBean.Drafts certificates,
                       CertificateNumberPool numbers, ComplianceFactsReader.GdprEvidence evidence, SigningKeyRing.ActiveSigner key) {
        try {
            if (tenant == null) {
                numbers.unused();
                refused.put(siren, t -> t.withRefused(siren));
            } else {
                drafts.put(siren, certificates.draft(tenant, evidence, numbers, key));
            }
        } catch (CertificateRefusedException e) {
            numbers.unused(); // refused before its number was taken: the next certificate takes it
            // our missing evidence is counted apart
            refused.put(siren, e.reason() == CertificateRefusedException.Reason.EVIDENCE_MISSING
                    ? t -> t.withRefusedEvidence(siren) : t -> t.withRefused(siren));
        }
    }

    /** The workers' time spent drafting this page's certificates so far, in ns. */
    long draftingNanos() {
        return drafting.sum();
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
