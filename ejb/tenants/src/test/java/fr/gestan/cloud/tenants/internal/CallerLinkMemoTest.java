package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.tenants.api.TenantState;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The request's memo of callers' companies: one read per caller, read again once a link may have changed. */
class CallerLinkMemoTest {

    private final CallerLinkMemo memo = new CallerLinkMemo();
    private final AtomicInteger reads = new AtomicInteger();
    private TenantState state = TenantState.ACTIVE;

    private Optional<CallerLinks.Link> read(String username) {
        reads.incrementAndGet();
        return username.startsWith("client") ? Optional.of(new CallerLinks.Link(7, "842317653", state, "Boulangerie Martin SARL")) : Optional.empty();
    }

    @Test
    void each_caller_is_read_once_however_many_calls_ask() {
        for (int i = 0; i < 5; i++) {
            assertEquals("842317653", memo.get("client.demo", this::read).orElseThrow().siren());
            assertEquals(Optional.empty(), memo.get("service-account-x", this::read));
        }
        assertEquals(2, reads.get());
    }

    @Test
    void a_change_of_a_tenant_portal_account_or_api_client_voids_what_was_read() {
        assertEquals(TenantState.ACTIVE, memo.get("client.demo", this::read).orElseThrow().state());
        state = TenantState.SUSPENDED;
        CallerLinks.changed(); // what the entity listener does on a suspension
        assertEquals(TenantState.SUSPENDED, memo.get("client.demo", this::read).orElseThrow().state());
        assertEquals(TenantState.SUSPENDED, memo.get("client.demo", this::read).orElseThrow().state());
        assertEquals(2, reads.get());
    }
}
