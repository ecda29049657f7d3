package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeRedirectTest {

    @Test
    void local_paths_are_followed() {
        assertEquals("/portal/", SafeRedirect.localPath("", "/portal/"));
        assertEquals("/verify.xhtml?n=1", SafeRedirect.localPath("", "/verify.xhtml?n=1"));
        assertEquals("/app/x", SafeRedirect.localPath("/app", "/app/x"));
    }

    @Test
    void anything_else_goes_home() {
        for (String bad : new String[] {null, "", "https://evil.example/", "//evil.example/", "/\\evil.example",
                "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1", "portal/"}) {
            assertEquals("/", SafeRedirect.localPath("", bad), String.valueOf(bad));
        }
        assertEquals("/app/", SafeRedirect.localPath("/app", "/other/"));
    }

    @Test
    void the_page_policy_allows_no_inline_script_and_no_framing() {
        String policy = ContentSecurityPolicy.forPages("http://localhost:8180");
        assertTrue(policy.endsWith("script-src 'self'"), "PrimeFaces appends the nonce to the last directive: " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("form-action 'self' http://localhost:8180;"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertTrue(!policy.contains("unsafe-eval") && !policy.replace("style-src 'self' 'unsafe-inline'", "").contains("unsafe-inline"), policy);
    }
}
