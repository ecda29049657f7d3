package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The batch's certificate numbers (issue 19): a page's taken in two statements, unique, in order, none skipped by a refusal. */
class CertificateNumberPoolTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    /** A sequence in memory that counts its statements; {@code held}: numbers older rows hold. */
    private static final class FakeSequence implements CertificateNumberPool.Sequence {
        long last;
        int nextStatements;
        int takenStatements;
        final Set<String> held = new HashSet<>();

        @Override
        public synchronized List<Long> next(int count) {
            nextStatements++;
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(++last);
            }
            return values;
        }

        @Override
        public synchronized Set<String> taken(List<String> numbers) {
            takenStatements++;
            Set<String> taken = new HashSet<>(numbers);
            taken.retainAll(held);
            return taken;
        }
    }

    @Test
    void a_page_takes_its_numbers_in_two_statements_and_hands_them_out_in_the_sequence_order() {
        FakeSequence sequence = new FakeSequence();
        CertificateNumberPool pool = new CertificateNumberPool(sequence);
        pool.expect(50, NOW);
        assertEquals(1, sequence.nextStatements);
        assertEquals(1, sequence.takenStatements);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            numbers.add(pool.take(NOW));
        }
        assertEquals(1, sequence.nextStatements, "no statement per certificate");
        assertEquals("GC-2026-000001", numbers.get(0));
        assertEquals("GC-2026-000050", numbers.get(49));
        assertEquals(50, new HashSet<>(numbers).size());
    }

    @Test
    void numbers_older_rows_hold_are_skipped_and_made_up_for() {
        FakeSequence sequence = new FakeSequence();
        sequence.held.add("GC-2026-000002");
        sequence.held.add("GC-2026-000003");
        CertificateNumberPool pool = new CertificateNumberPool(sequence);
        pool.expect(3, NOW);
        List<String> numbers = List.of(pool.take(NOW), pool.take(NOW), pool.take(NOW));
        assertEquals(List.of("GC-2026-000001", "GC-2026-000004", "GC-2026-000005"), numbers);
        assertEquals(2, sequence.nextStatements, "the shortfall taken in one more statement");
    }

    @Test
    void a_refused_tenant_leaves_its_number_to_the_next_certificate_so_the_batch_leaves_no_gap() {
        FakeSequence sequence = new FakeSequence();
        CertificateNumberPool pool = new CertificateNumberPool(sequence);
        pool.expect(3, NOW);
        String first = pool.take(NOW);
        pool.unused(); // the second tenant refused
        String third = pool.take(NOW);
        pool.expect(2, NOW); // the next page: one number left over, one more taken
        List<String> next = List.of(pool.take(NOW), pool.take(NOW));
        assertEquals(List.of("GC-2026-000001", "GC-2026-000002"), List.of(first, third));
        assertEquals(List.of("GC-2026-000003", "GC-2026-000004"), next);
        assertEquals(4, sequence.last, "as many values taken from the sequence as certificates");
    }

    @Test
    void workers_taking_at_once_never_share_a_number() throws Exception {
        FakeSequence sequence = new FakeSequence();
        CertificateNumberPool pool = new CertificateNumberPool(sequence);
        ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            for (int page = 0; page < 20; page++) {
                pool.expect(50, NOW);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int worker = w;
                    done.add(workers.submit(() -> {
                        for (int i = worker; i < 50; i += 4) {
                            if (i % 7 == 3) {
                                pool.unused();
                            } else {
                                taken.add(pool.take(NOW));
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
        } finally {
            workers.shutdown();
        }
        assertEquals(taken.size(), new HashSet<>(taken).size(), "unique");
        // every value from 1 to the highest used: no gap but the numbers still free at the end
        assertTrue(sequence.last - taken.size() == pool.free(), "values taken = numbers used + numbers still free");
        for (int v = 1; v <= taken.size(); v++) {
            assertTrue(taken.contains(CertificateNumbers.format(2026, v)), "number " + v + " used");
        }
    }

    @Test
    void a_batch_running_over_new_year_numbers_in_the_new_year_checked_again() {
        FakeSequence sequence = new FakeSequence();
        sequence.held.add("GC-2027-000002");
        CertificateNumberPool pool = new CertificateNumberPool(sequence);
        pool.expect(3, Instant.parse("2026-12-31T23:59:59Z"));
        assertEquals("GC-2026-000001", pool.take(Instant.parse("2026-12-31T23:59:59Z")));
        // value 2 is held in 2027 by an older row: skipped; 3 is free
        assertEquals("GC-2027-000003", pool.take(Instant.parse("2027-01-01T00:00:01Z")));
        assertEquals("GC-2027-000004", pool.take(Instant.parse("2027-01-01T00:00:02Z")));
    }
}
