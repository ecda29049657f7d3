package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.TenantState;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"842317653", "913572467", "528640196", "730195823", "732829320"})
    void valid_sirens_pass_the_luhn_check(String siren) {
        assertTrue(Siren.isValid(siren));
    }

    @ParameterizedTest
    @ValueSource(strings = {"842317654", "123456789", "84231765", "8423176530", "84231765A", ""})
    void wrong_check_digits_and_formats_are_refused(String siren) {
        assertFalse(Siren.isValid(siren));
    }

    @Test
    void null_is_not_a_siren() {
        assertFalse(Siren.isValid(null));
    }

    @Test
    void a_new_tenant_is_active_and_guards_its_siren_and_name() {
        Tenant tenant = new Tenant("  Boulangerie Martin SARL ", "842317653", Instant.EPOCH);
        assertEquals(TenantState.ACTIVE, tenant.state());
        assertEquals("Boulangerie Martin SARL", tenant.legalName());
        assertThrows(IllegalArgumentException.class, () -> new Tenant("X", "842317654", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new Tenant(" ", "842317653", Instant.EPOCH));
    }
}
