package fr.gestan.cloud.web.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TenantRefusalsTest {

    @Test
    void each_refusal_has_its_message_in_both_languages() {
        for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            ResourceBundle bundle = ResourceBundle.getBundle("fr.gestan.cloud.web.tenants", locale);
            for (TenantState state : TenantState.values()) {
                String key = TenantRefusals.key(new TenantStateException(state, "suspend"));
                assertEquals("tenant.state.refused." + state, key);
                assertTrue(bundle.containsKey(key), locale + ": " + key);
            }
            String gone = TenantRefusals.key(new TenantNotFoundException("42"));
            assertEquals("tenant.notFound", gone);
            assertTrue(bundle.containsKey(gone), locale + ": " + gone);
        }
    }

    @Test
    void another_exception_is_not_taken_for_a_refusal() {
        assertThrows(IllegalArgumentException.class, () -> TenantRefusals.key(new IllegalStateException("bug")));
    }
}
