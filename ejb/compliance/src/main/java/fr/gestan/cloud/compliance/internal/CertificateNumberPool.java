package fr.gestan.cloud.compliance.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The certificate batch's numbers, taken from {@code certificate_number_seq} a page at a time: when a page is read,
 * as many values as the tenants it will draft (one statement), checked in one more against the numbers older rows
 * hold, instead of two statements on a worker for each certificate. The guarantees are the sequence's, as for a
 * single issue: every number is used once at most, by one certificate (never a number an older row holds), in the
 * sequence's order as the workers take them. A tenant refused on its page leaves its number to the next
 * certificate of the batch, so refusals leave no gap; as before, numbers of a page whose store fails are lost
 * (the sequence is not transactional), and so are those left when the batch ends with refusals on its last page.
 * Thread-safe: the page's workers take numbers at once.
 */
final class CertificateNumberPool {

    /** Where the numbers come from. */
    interface Sequence {

        /** The sequence's next {@code count} values, each taken once. */
        List<Long> next(int count);

        /** Which of these formatted numbers older rows hold. */
        Set<String> taken(List<String> numbers);
    }

    private final Sequence sequence;
    /** Values taken from the sequence, not used yet, free for {@link #year} (checked against older rows). */
    private final Deque<Long> free = new ArrayDeque<>();
    private int year;
    /** Tenants expected to take a number: announced by {@link #expect}, not yet drafted nor refused. */
    private int pending;

    CertificateNumberPool(Sequence sequence) {
        this.sequence = Objects.requireNonNull(sequence);
    }

    /** A page of {@code tenants} to draft: as many free numbers as the tenants expected, taken now if short. */
    synchronized void expect(int tenants, Instant now) {
        pending += tenants;
        freeFor(CertificateNumbers.year(now));
        fill();
    }

    /** The next number for a certificate issued at {@code now}. */
    synchronized String take(Instant now) {
        freeFor(CertificateNumbers.year(now));
        pending = Math.max(1, pending);
        fill();
        pending--;
        return CertificateNumbers.format(year, free.removeFirst());
    }

    /** An expected tenant was refused (or left): it takes no number; the next certificate will. */
    synchronized void unused() {
        pending = Math.max(0, pending - 1);
    }

    /** Numbers free now (for tests). */
    synchronized int free() {
        return free.size();
    }

    /** The free values formatted for {@code y} (a batch running over New Year: checked again for the new year). */
    private void freeFor(int y) {
        if (y != year) {
            year = y;
            List<Long> kept = usable(new ArrayList<>(free));
            free.clear();
            free.addAll(kept);
        }
    }

    private void fill() {
        while (free.size() < pending) {
            free.addAll(usable(sequence.next(pending - free.size())));
        }
    }

    /** {@code values} without those whose number an older row holds. */
    private List<Long> usable(List<Long> values) {
        if (values.isEmpty()) {
            return values;
        }
        List<String> numbers = values.stream().map(v -> CertificateNumbers.format(year, v)).toList();
        Set<String> taken = sequence.taken(numbers);
        List<Long> usable = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!taken.contains(numbers.get(i))) {
                usable.add(values.get(i));
            }
        }
        return usable;
    }
}
