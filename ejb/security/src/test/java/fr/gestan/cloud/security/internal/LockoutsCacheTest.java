package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.RealmSecurity.LockedUserView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's lockouts are asked of Keycloak at most once per {@link LockoutsCache#FRESH} per node, and after the
 * first reading no dashboard view waits for it: an older answer is shown while one background reading runs.
 */
class LockoutsCacheTest {

    static final Instant READ = Instant.parse("2026-12-04T22:00:00Z");
    static final List<LockedUserView> ONE = List.of(new LockedUserView("id-1", "client.demo", 5, READ, "10.0.0.1"));
    static final List<LockedUserView> TWO = List.of(ONE.get(0), new LockedUserView("id-2", "support.demo", 3, READ, "10.0.0.2"));

    @Test
    void an_answer_is_reused_while_fresh_without_reading_again() {
        LockoutsCache cache = new LockoutsCache();
        assertNull(cache.lookup(50, READ), "nothing read yet: the caller reads");
        cache.keep(50, READ, ONE);
        LockoutsCache.Lookup shown = cache.lookup(50, READ.plusSeconds(29));
        assertEquals(ONE, shown.locked());
        assertFalse(shown.readInBackground(), "fresh: Keycloak is not asked");
    }

    @Test
    void a_stale_answer_is_shown_while_exactly_one_background_reading_runs() {
        LockoutsCache cache = new LockoutsCache();
        cache.keep(50, READ, ONE);
        Instant later = READ.plus(LockoutsCache.FRESH);
        LockoutsCache.Lookup first = cache.lookup(50, later);
        assertEquals(ONE, first.locked(), "the view does not wait: the older answer is shown");
        assertTrue(first.readInBackground(), "the first view after 30 s starts the reading");
        LockoutsCache.Lookup second = cache.lookup(50, later.plusSeconds(1));
        assertEquals(ONE, second.locked());
        assertFalse(second.readInBackground(), "one reading at a time, not one per view");
    }

    @Test
    void the_background_reading_replaces_the_answer_and_a_failed_one_lets_the_next_view_try_again() throws Exception {
        LockoutsCache cache = new LockoutsCache();
        cache.keep(50, READ, ONE);
        cache.realm = (RealmSecurityStub) max -> TWO;
        assertTrue(cache.lookup(50, READ.plusSeconds(31)).readInBackground());
        cache.readAgain(50);
        assertEquals(TWO, cache.lookup(50, Instant.now()).locked(), "the new reading is shown");

        LockoutsCache failing = new LockoutsCache();
        failing.keep(50, READ, ONE);
        failing.realm = (RealmSecurityStub) max -> {
            throw new fr.gestan.cloud.security.api.RealmUnavailableException("down", null);
        };
        assertTrue(failing.lookup(50, READ.plusSeconds(31)).readInBackground());
        failing.readAgain(50);
        LockoutsCache.Lookup after = failing.lookup(50, READ.plusSeconds(32));
        assertEquals(ONE, after.locked(), "Keycloak down: the last answer stays");
        assertTrue(after.readInBackground(), "and the next view tries again");
    }

    @Test
    void too_old_another_size_or_an_unlock_reads_afresh() {
        LockoutsCache cache = new LockoutsCache();
        cache.keep(50, READ, ONE);
        assertNull(cache.lookup(50, READ.plus(LockoutsCache.SHOWN_WHILE_READING)), "ten minutes old: read now");
        assertNull(cache.lookup(200, READ.plusSeconds(1)), "the answer for 50 users does not stand for 200");
        cache.clear();
        assertNull(cache.lookup(50, READ.plusSeconds(1)), "an unlock clears the tile's answer");
    }

    @Test
    void a_clock_set_back_does_not_keep_an_answer_for_ever() {
        LockoutsCache cache = new LockoutsCache();
        cache.keep(50, READ, ONE);
        assertNull(cache.lookup(50, READ.minusSeconds(1)));
    }

    /** The realm as the cache sees it: only {@code lockedUsers} is asked. */
    @FunctionalInterface
    interface RealmSecurityStub extends fr.gestan.cloud.security.api.RealmSecurity {
        @Override
        List<LockedUserView> lockedUsers(int max) throws fr.gestan.cloud.security.api.RealmUnavailableException;

        @Override
        default RealmBruteForceView bruteForce() {
            throw new UnsupportedOperationException();
        }

        @Override
        default RealmBruteForceView applyPolicy() {
            throw new UnsupportedOperationException();
        }

        @Override
        default List<LockedUserView> recentLockouts(int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        default int importSignInEvents() {
            throw new UnsupportedOperationException();
        }

        @Override
        default void unlock(String username) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void the_dashboards_lookup_begins_no_transaction_around_the_kept_value() throws Exception {
        // the dashboard calls recentLockouts outside any transaction: REQUIRED (the default) began and committed one per view
        assertEquals(jakarta.ejb.TransactionAttributeType.SUPPORTS, RealmSecurityBean.class.getMethod("recentLockouts", int.class)
                .getAnnotation(jakarta.ejb.TransactionAttribute.class).value());
        assertEquals(jakarta.ejb.TransactionAttributeType.SUPPORTS, LockoutsCache.class.getAnnotation(jakarta.ejb.TransactionAttribute.class).value());
        assertNull(RealmSecurityBean.class.getAnnotation(jakarta.ejb.TransactionAttribute.class), "its other methods keep REQUIRED");
    }
}
