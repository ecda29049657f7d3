package fr.gestan.cloud.notifications.internal;

import java.time.Duration;

/**
 * When to try a failed delivery again: exponential backoff from {@code base} (doubling each time, at most
 * {@code cap}), giving up after {@code maxAttempts} tries. Settings: {@code gestan.notifications.max-attempts}
 * (default 8), {@code gestan.notifications.retry-base-seconds} (default 30), cap one hour.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    static final String MAX_ATTEMPTS_PROPERTY = "gestan.notifications.max-attempts";
    static final String BASE_PROPERTY = "gestan.notifications.retry-base-seconds";

    public RetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("at least one attempt, a positive base and a cap not below it");
        }
    }

    static RetryPolicy current() {
        return new RetryPolicy(Integer.getInteger(MAX_ATTEMPTS_PROPERTY, 8),
                Duration.ofSeconds(Long.getLong(BASE_PROPERTY, 30)), Duration.ofHours(1));
    }

    /** Whether another try is allowed after {@code attemptsMade} failed ones. */
    boolean retries(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait after the {@code attemptsMade}-th failed try: base, 2 × base, 4 × base... at most the cap. */
    Duration delayAfter(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 30));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
