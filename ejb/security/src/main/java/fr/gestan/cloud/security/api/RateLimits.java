package fr.gestan.cloud.security.api;

import jakarta.ejb.Local;

/**
 * Rate limits shared by every node: a token bucket per key, kept in the database (table
 * {@code rate_limit_bucket}), for endpoints that accept guesses or unauthenticated writes. Anyone may call it
 * (the callers are public endpoints); each call takes one token in its own short transaction, whatever the
 * caller's transaction does afterwards.
 */
@Local
public interface RateLimits {

    /** The answer for one request: allowed, or refused with the whole seconds to wait (the Retry-After header). */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /**
     * Takes one token from the bucket of {@code key} in {@code scope}, a bucket of {@code capacity} tokens refilled
     * at {@code perMinute} per minute.
     *
     * @param scope     what is limited, a fixed lower-case name such as {@code verify} (never user input)
     * @param key       who is limited, usually the client address (cut to 150 characters)
     */
    Decision acquire(String scope, String key, int capacity, int perMinute);
}
