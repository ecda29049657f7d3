package fr.gestan.cloud.compliance.internal;

import java.util.Locale;

/**
 * Where a certificate batch's time went, for its closing log line: the loop's reading of the pages, its waiting for
 * their drafts and for their stores (each page is stored while the loop reads the next: only the wait counts), and
 * the workers' time inside drafts (rules, rendering, signing). Used by the batch's loop thread only.
 */
final class BatchTimes {

    private final long start = System.nanoTime();
    private long reading;
    private long waiting;
    private long storing;
    private long drafting;
    private int pages;

    void read(long since) {
        reading += System.nanoTime() - since;
    }

    void waited(long since) {
        waiting += System.nanoTime() - since;
    }

    void stored(long since) {
        storing += System.nanoTime() - since;
        pages++;
    }

    /** Counts the drafting time of a page whose drafts are all done. */
    void drafting(BatchPage page) {
        drafting += page.draftingNanos();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d pages in %d ms: the loop read pages %d ms, waited for drafts %d ms, waited for stores %d ms;"
                + " the workers drafted %d ms", pages, ms(System.nanoTime() - start), ms(reading), ms(waiting), ms(storing), ms(drafting));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
