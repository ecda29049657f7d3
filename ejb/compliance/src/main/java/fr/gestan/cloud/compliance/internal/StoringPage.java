package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A page of the certificate batch being stored ({@link CertificatePageStore#storeMeanwhile}) while the batch's loop
 * reads the next page and waits for its drafts: the tallies it commits, known once it is stored. The loop waits for it
 * ({@link #stored}) before storing the next page, so pages are still stored one at a time and in order.
 */
final class StoringPage {

    /** Starts storing a page: {@code store} is given the function that tallies it (the SIRENs dropped at storing time in). */
    interface Store {
        Future<Set<String>> start(Function<Set<String>, CertificateBatchTally> tallied);
    }

    private final CertificateBatchTally before;
    private final List<CertificateBatchTally> told = new ArrayList<>();
    private final Future<Set<String>> future;

    /** Stores {@code page} from the running tally {@code before}. */
    StoringPage(BatchPage page, CertificateBatchTally before, Store store) {
        this.before = before;
        this.future = store.start(dropped -> {
            told.clear();
            told.addAll(page.tallies(before, dropped));
            return told.isEmpty() ? before : told.get(told.size() - 1);
        });
    }

    /**
     * Waits until the page is stored; returns the running tally after each of its tenants (empty for an empty page).
     * The store's failure is thrown as it was raised (an application exception such as a takeover) or as its cause.
     */
    List<CertificateBatchTally> stored() {
        try {
            future.get();
            return List.copyOf(told);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EJBException ejb && ejb.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException("a certificate batch page could not be stored", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("certificate batch interrupted while a page was stored", e);
        }
    }

    /** The running tally once this page is stored: its last tenant's, or the one before it when it tallied none. */
    CertificateBatchTally after(List<CertificateBatchTally> tallies) {
        return tallies.isEmpty() ? before : tallies.get(tallies.size() - 1);
    }
}
