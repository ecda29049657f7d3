package fr.gestan.cloud.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30), Duration.ofMinutes(2));

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(120), policy.delayAfter(3));
        assertEquals(Duration.ofSeconds(120), policy.delayAfter(30));
    }

    @Test
    void givesUpAfterTheMaximumNumberOfTries() {
        assertTrue(policy.retries(3));
        assertFalse(policy.retries(4));
    }

    @Test
    void aDeliveryGoesFromRetryToFailedThenBackToPendingWhenStaffRetry() {
        java.time.Instant now = java.time.Instant.parse("2026-12-03T10:00:00Z");
        Delivery d = new Delivery("INCIDENT_OPENED", null, fr.gestan.cloud.notifications.api.Channel.EMAIL, "a@example.org", null,
                new Message("s", "t", null, null), now);
        for (int i = 1; i < 4; i++) {
            assertEquals("RETRY", outcome(d.failed(now, "down", policy)));
            assertTrue(d.isPending());
        }
        assertEquals("FAILED", outcome(d.failed(now, "down", policy)));
        assertEquals(fr.gestan.cloud.notifications.api.DeliveryState.FAILED, d.state());
        d.retry(now);
        assertTrue(d.isPending());
        assertEquals("SENT", outcome(d.sent(now, "250 OK")));
        assertEquals(fr.gestan.cloud.notifications.api.DeliveryState.SENT, d.state());
    }

    private static String outcome(DeliveryAttempt attempt) {
        return attempt.toView().outcome();
    }
}
