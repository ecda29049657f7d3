package fr.gestan.cloud.security.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T17:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_burst_is_allowed_then_refused_with_retry_after_until_tokens_come_back() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(10, 30, 1000, clock);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.acquire("198.51.100.7").allowed(), "request " + i);
        }
        RateLimiter.Decision refused = limiter.acquire("198.51.100.7");
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds(), "30 per minute: one every 2 s");
        assertTrue(limiter.acquire("203.0.113.9").allowed(), "other addresses are not affected");

        clock.now = clock.now.plus(Duration.ofSeconds(2));
        assertTrue(limiter.acquire("198.51.100.7").allowed());
        assertFalse(limiter.acquire("198.51.100.7").allowed());
    }

    @Test
    void the_table_stays_bounded_under_many_addresses() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(5, 60, 100, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("10.0." + (i / 250) + "." + (i % 250));
        }
        assertTrue(limiter.tracked() <= 100, "tracked " + limiter.tracked());
    }
}
