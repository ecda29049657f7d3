package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.RealmSecurity;
import fr.gestan.cloud.security.api.RealmSecurity.LockedUserView;
import fr.gestan.cloud.security.api.RealmUnavailableException;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The last answer of {@code RealmSecurity.lockedUsers} on this node, for the back-office dashboard's tile: reading it
 * costs one Keycloak admin token, the realm's failed sign-ins and one brute-force status request per candidate user
 * (up to 50 HTTPS requests, measured as the dashboard's largest cost, docs/performance.md). Shown as it is while
 * {@link #FRESH}; after that, still shown for up to {@link #SHOWN_WHILE_READING} while one background call reads the
 * realm again, so that no dashboard view waits for Keycloak except the first one (and one after a long idle time).
 * An unlock through the application clears it (on this node: another node's tile catches up within {@link #FRESH}
 * plus one reading). The lockouts page, where staff unlock, reads afresh and does not use it.
 */
@Singleton
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // a value in memory: no transaction begun around it at each lookup
public class LockoutsCache {

    private static final Logger LOG = Logger.getLogger(LockoutsCache.class.getName());

    /** How long an answer is shown before Keycloak is asked again. */
    static final Duration FRESH = Duration.ofSeconds(30);
    /** How long an older answer is still shown while Keycloak is asked again in the background. */
    static final Duration SHOWN_WHILE_READING = Duration.ofMinutes(10);

    private record Answer(int max, Instant readAt, List<LockedUserView> locked) {
    }

    /** What the tile shows, and whether the caller must start the background reading ({@link #readAgain}). */
    public record Lookup(List<LockedUserView> locked, boolean readInBackground) {
    }

    private volatile Answer last;
    private final AtomicBoolean reading = new AtomicBoolean();

    @EJB
    RealmSecurity realm;

    // Public: an EJB's no-interface view refuses other methods (WFLYEJB0224, found by RealmSecurityIT).

    /**
     * The answer to show for {@code max} users at {@code now}, or null when none can be shown (nothing read yet, read
     * for another size, or older than {@link #SHOWN_WHILE_READING}): the caller then reads and {@link #keep}s. When
     * the answer is no longer fresh, exactly one caller at a time is told to read again in the background.
     */
    public Lookup lookup(int max, Instant now) {
        Answer a = last;
        if (a == null || a.max() != max || now.isBefore(a.readAt()) || !now.isBefore(a.readAt().plus(SHOWN_WHILE_READING))) {
            return null;
        }
        boolean stale = !now.isBefore(a.readAt().plus(FRESH));
        return new Lookup(a.locked(), stale && reading.compareAndSet(false, true));
    }

    public void keep(int max, Instant readAt, List<LockedUserView> locked) {
        last = new Answer(max, readAt, List.copyOf(locked));
    }

    /**
     * Reads the realm again for {@code max} users, off the request that found the answer stale (the caller's identity
     * goes with the asynchronous call, so the realm's own guard applies). A failure keeps the older answer: the next
     * view after it tries again.
     */
    @Asynchronous
    public void readAgain(int max) {
        try {
            Instant readAt = Instant.now();
            keep(max, readAt, realm.lockedUsers(max));
        } catch (RealmUnavailableException | RuntimeException e) {
            LOG.warning(() -> "The lockouts tile keeps its last answer: Keycloak could not be read (" + e.getClass().getSimpleName() + ")");
        } finally {
            reading.set(false);
        }
    }

    public void clear() {
        last = null;
    }
}
