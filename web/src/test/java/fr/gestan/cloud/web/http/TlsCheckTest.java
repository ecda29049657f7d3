package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TlsCheckTest {

    @Test
    void a_policy_requiring_tls_refuses_to_start_without_the_https_only_handler() {
        assertNotNull(TlsCheck.problem(true, false));
        assertNull(TlsCheck.problem(true, true));
        assertNull(TlsCheck.problem(false, false), "a policy that does not require TLS lets plain HTTP be served");
    }
}
