package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void page_views_and_the_status_api_are_not_limited() {
        assertNull(RateLimitFilter.limitOf("/verify", "GET", false));
        assertNull(RateLimitFilter.limitOf("/api/v1/public/status", "GET", false));
        assertNull(RateLimitFilter.limitOf("/api/v1/public/status/feed.atom", "GET", false));
    }
}
