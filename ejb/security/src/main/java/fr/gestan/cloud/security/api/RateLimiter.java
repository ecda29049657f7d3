package fr.gestan.cloud.security.api;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address, for public endpoints that accept guesses (certificate verification, forms
 * without sign-in): {@code capacity} requests at once, refilled at {@code perMinute} per minute. In memory, per
 * node: behind a load balancer with N nodes a client gets at most N times the rate, which still defeats guessing.
 * The table is bounded: when it is full, buckets that are full again (idle clients) are dropped first.
 */
public final class RateLimiter {

    /** The answer for one request: allowed, or refused with the seconds to wait (the Retry-After header). */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updatedMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedMillis = now;
        }
    }

    private final int capacity;
    private final double perMilli;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, int perMinute, int maxClients, Clock clock) {
        if (capacity < 1 || perMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("capacity, rate and table size must be positive");
        }
        this.capacity = capacity;
        this.perMilli = perMinute / 60_000.0;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    public Decision acquire(String clientAddress) {
        long now = clock.millis();
        if (buckets.size() >= maxClients && !buckets.containsKey(clientAddress)) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(clientAddress, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0);
            return new Decision(false, Math.max(1, wait));
        }
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updatedMillis);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * perMilli);
        bucket.updatedMillis = now;
    }

    private void evictIdle(long now) {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next().getValue();
            synchronized (bucket) {
                refill(bucket, now);
                if (bucket.tokens >= capacity) {
                    it.remove();
                }
            }
        }
        if (buckets.size() >= maxClients) {
            // Everyone is active (an attack from many addresses): start afresh rather than grow without bound.
            buckets.clear();
        }
    }

    int tracked() {
        return buckets.size();
    }
}
