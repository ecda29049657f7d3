package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The batch's pages drafted one after the other (issue 19): what a page keeps of the page before it. */
class BatchPageTest {

    /**
     * As the server's managed executor: its futures keep their task once it has run (Glassfish's {@code ManagedFutureTask}
     * holds it in a field it never clears), so whatever a task captured lives as long as its future.
     */
    private static final class KeepingExecutor extends ThreadPoolExecutor {

        KeepingExecutor() {
            super(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
            return new FutureTask<>(callable) {
                @SuppressWarnings("unused")
                private final Object task = callable;
            };
        }
    }

    /** Drafts without rendering: a 58 KB "PDF" per tenant, as a certificate weighs. */
    private static final class FakeCertificates extends CertificatesBean {

        @Override
        public <T> T drafting(Function<Drafts, T> worker) {
            return worker.apply((docs, evidence, numbers, key) -> new CertificateDraft(new CertificateRecord(numbers.take(Instant.now()),
                    docs.tenant() == null ? "?" : "x", "Société", "ab".repeat(32), Instant.now(), "support.it", null),
                    new byte[58 * 1024], ISSUED));
        }
    }

    private static BatchPage page(List<String> sirens) {
        return new BatchPage(sirens, sirens.get(sirens.size() - 1), Set.of(), Set.of(), Set.copyOf(sirens));
    }

    private static void draft(BatchPage page, KeepingExecutor executor, CertificateNumberPool numbers, BatchPage before) {
        Map<String, ComplianceFactsReader.TenantDocuments> docs = new java.util.HashMap<>();
        page.toIssue().forEach(s -> docs.put(s, new ComplianceFactsReader.TenantDocuments(null, List.of(), null)));
        numbers.expect(page.toIssue().size(), Instant.now());
        page.draft(executor, new Semaphore(2), 2, new FakeCertificates(), numbers, docs, null, before, null);
    }

    @Test
    void a_page_drafted_after_another_does_not_keep_it_nor_its_pdfs() throws Exception {
        KeepingExecutor executor = new KeepingExecutor();
        long[] next = {1};
        CertificateNumberPool numbers = new CertificateNumberPool(new CertificateNumberPool.Sequence() {
            @Override
            public synchronized List<Long> next(int count) {
                return java.util.stream.LongStream.range(next[0], next[0] += count).boxed().toList();
            }

            @Override
            public Set<String> taken(List<String> formatted) {
                return Set.of();
            }
        });
        try {
            BatchPage first = page(List.of("A", "B", "C", "D"));
            draft(first, executor, numbers, null);
            assertEquals(4, first.drafted().size());
            BatchPage second = page(List.of("E", "F", "G", "H"));
            draft(second, executor, numbers, first);
            assertEquals(4, second.drafted().size());

            // the batch is done with the first page (stored): only the second is still held, with its futures
            WeakReference<BatchPage> firstGone = new WeakReference<>(first);
            first = null;
            for (int i = 0; i < 20 && firstGone.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertNull(firstGone.get(), "the second page's workers keep the first page, its drafts and PDFs, alive");
            assertEquals(4, second.drafted().size());
        } finally {
            executor.shutdownNow();
        }
    }
}
