package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.web.http.rest.Problems;
import org.junit.jupiter.api.Test;

/** Which requests draw on which shared allowance. */
class RateLimitFilterTest {

    @Test
    void certificate_verification_in_every_form_is_one_scope() {
        assertEquals(RateLimitFilter.VERIFY, RateLimitFilter.limitOf("/verify.xhtml", "POST", false));
        assertEquals(RateLimitFilter.VERIFY, RateLimitFilter.limitOf("/verify", "POST", false));
        assertEquals(RateLimitFilter.VERIFY, RateLimitFilter.limitOf("/verify", "GET", true));
        assertEquals(RateLimitFilter.VERIFY, RateLimitFilter.limitOf("/api/v1/public/certificates/GC-1", "GET", false));
        assertEquals(RateLimitFilter.VERIFY, RateLimitFilter.limitOf("/api/v1/public/certificates/verification", "POST", false));
    }

    @Test
    void metrics_ingest_has_its_own_scope() {
        assertEquals(RateLimitFilter.INGEST, RateLimitFilter.limitOf("/api/v1/public/servers/12/metrics", "POST", false));
        assertNull(RateLimitFilter.limitOf("/api/v1/public/servers/12/metrics", "GET", false));
    }

    @Test
    void status_subscriptions_have_their_own_scope_and_their_links_are_not_limited() {
        assertEquals(RateLimitFilter.SUBSCRIBE, RateLimitFilter.limitOf("/api/v1/public/status/subscriptions", "POST", false));
        assertNull(RateLimitFilter.limitOf("/api/v1/public/status/subscriptions/unsubscribe", "POST", false));
        assertNull(RateLimitFilter.limitOf("/api/v1/public/status/subscriptions/confirm", "GET", false));
        assertEquals(RateLimitFilter.SUBSCRIBE, RateLimitFilter.limitOf("/status.xhtml", "POST", false));
        assertNull(RateLimitFilter.limitOf("/status", "GET", false));
    }

    @Test
    void page_views_and_the_status_api_are_not_limited() {
        assertNull(RateLimitFilter.limitOf("/verify", "GET", false));
        assertNull(RateLimitFilter.limitOf("/api/v1/public/status", "GET", false));
        assertNull(RateLimitFilter.limitOf("/api/v1/public/status/feed.atom", "GET", false));
    }

    @Test
    void the_api_refusal_is_a_localised_problem_with_the_wait() {
        String french = Problems.bodyWith(java.util.Locale.FRENCH, 429, "rate-limited",
                "detail.rate-limited", "retryAfter", "12");
        assertEquals("{\"type\":\"urn:gestan:problem:rate-limited\",\"title\":\"Trop de demandes\",\"status\":429,"
                + "\"detail\":\"Trop de demandes en peu de temps depuis votre adresse : réessayez dans 12 s.\","
                + "\"retryAfter\":\"12\"}", french);
        String en = Problems.bodyWith(java.util.Locale.ENGLISH, 429, "rate-limited",
                "detail.rate-limited", "retryAfter", "3");
        org.junit.jupiter.api.Assertions.assertTrue(en.contains("\"title\":\"Too many requests\"") && en.contains("retry in 3 s."), en);
    }
}
