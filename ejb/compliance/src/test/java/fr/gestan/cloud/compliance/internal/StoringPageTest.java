package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import jakarta.ejb.EJBException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A batch page stored while the loop reads the next (issue 19): its tallies once stored, its failure as raised. */
class StoringPageTest {

    /** A: certified already; B: no contract; C: certified meanwhile, so its draft is dropped at storing time. */
    private static BatchPage page() {
        return new BatchPage(List.of("A", "B", "C"), "C", Set.of("A"), Set.of(), Set.of("A", "C"));
    }

    @Test
    void the_tallies_are_those_the_store_committed_from_the_running_tally_before_the_page() {
        CertificateBatchTally before = CertificateBatchTally.NONE.withIssued();
        AtomicReference<CertificateBatchTally> committed = new AtomicReference<>();
        StoringPage storing = new StoringPage(page(), before, tallied -> {
            committed.set(tallied.apply(Set.of("C"))); // what the store's transaction writes as the run's tally
            return CompletableFuture.completedFuture(Set.of("C"));
        });

        List<CertificateBatchTally> told = storing.stored();

        assertEquals(List.of(before.withAlreadyValid(), before.withAlreadyValid().withNoContract(),
                before.withAlreadyValid().withNoContract().withAlreadyValid()), told);
        assertEquals(committed.get(), storing.after(told), "the running tally goes on from the committed one");
        assertEquals(4, storing.after(told).considered());
    }

    @Test
    void a_page_that_tallied_nothing_leaves_the_running_tally_as_it_was() {
        CertificateBatchTally before = CertificateBatchTally.NONE.withIssued();
        StoringPage storing = new StoringPage(page(), before, tallied -> CompletableFuture.completedFuture(Set.of()));
        assertSame(before, storing.after(List.of()));
    }

    @Test
    void a_takeover_while_storing_is_thrown_as_the_store_raised_it() {
        CertificateBatchRunStore.TakenOverException takenOver = new CertificateBatchRunStore.TakenOverException(7, "node-2");
        StoringPage storing = new StoringPage(page(), CertificateBatchTally.NONE, tallied -> CompletableFuture.failedFuture(takenOver));
        assertSame(takenOver, assertThrows(CertificateBatchRunStore.TakenOverException.class, storing::stored));
    }

    @Test
    void a_system_failure_is_thrown_as_its_cause() {
        IllegalStateException cause = new IllegalStateException("database gone");
        StoringPage storing = new StoringPage(page(), CertificateBatchTally.NONE,
                tallied -> CompletableFuture.failedFuture(new EJBException(cause)));
        assertSame(cause, assertThrows(IllegalStateException.class, storing::stored));
    }
}
