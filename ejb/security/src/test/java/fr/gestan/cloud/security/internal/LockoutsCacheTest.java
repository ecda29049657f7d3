package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.security.api.RealmSecurity.LockedUserView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's lockouts are asked of Keycloak at most once per {@link LockoutsCache#FRESH} per node. */
class LockoutsCacheTest {

    static final Instant READ = Instant.parse("2026-12-04T22:00:00Z");
    static final List<LockedUserView> ONE = List.of(new LockedUserView("id-1", "client.demo", 5, READ, "10.0.0.1"));

    @Test
    void an_answer_is_reused_while_fresh_then_read_again() {
        LockoutsCache cache = new LockoutsCache();
        assertNull(cache.fresh(50, READ), "nothing read yet");
        cache.keep(50, READ, ONE);
        assertEquals(ONE, cache.fresh(50, READ.plusSeconds(29)));
        assertNull(cache.fresh(50, READ.plus(LockoutsCache.FRESH)), "30 s later Keycloak is asked again");
    }

    @Test
    void another_size_or_an_unlock_reads_afresh() {
        LockoutsCache cache = new LockoutsCache();
        cache.keep(50, READ, ONE);
        assertNull(cache.fresh(200, READ.plusSeconds(1)), "the answer for 50 users does not stand for 200");
        cache.clear();
        assertNull(cache.fresh(50, READ.plusSeconds(1)), "an unlock clears the tile's answer");
    }

    @Test
    void a_clock_set_back_does_not_keep_an_answer_for_ever() {
        LockoutsCache cache = new LockoutsCache();
        cache.keep(50, READ, ONE);
        assertNull(cache.fresh(50, READ.minusSeconds(1)));
    }
}
