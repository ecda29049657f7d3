package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.CompanyNumbers;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"842317653", "913572467", "528640196", "730195823", "732829320"})
    void valid_sirens_pass_the_luhn_check(String siren) {
        assertTrue(CompanyNumbers.isValidSiren(siren));
    }

    @ParameterizedTest
    @ValueSource(strings = {"842317654", "123456789", "84231765", "8423176530", "84231765A", ""})
    void wrong_check_digits_and_formats_are_refused(String siren) {
        assertFalse(CompanyNumbers.isValidSiren(siren));
    }

    @Test
    void null_is_not_a_siren() {
        assertFalse(CompanyNumbers.isValidSiren(null));
    }

    @Test
    void a_new_tenant_is_active_and_guards_its_siren_and_name() {
        Tenant tenant = new Tenant("  Boulangerie Martin SARL ", "842317653", Instant.EPOCH);
        assertEquals(TenantState.ACTIVE, tenant.state());
        assertEquals("Boulangerie Martin SARL", tenant.legalName());
        assertThrows(IllegalArgumentException.class, () -> new Tenant("X", "842317654", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new Tenant(" ", "842317653", Instant.EPOCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "84231765300017", "35600000000001"})
    void valid_sirets_pass(String siret) {
        assertTrue(CompanyNumbers.isValidSiret(siret), siret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"73282932000075", "7328293200007", "732829320000745", "7328293200007A", ""})
    void wrong_sirets_are_refused(String siret) {
        assertFalse(CompanyNumbers.isValidSiret(siret), siret);
    }

    @Test
    void the_all_zero_siren_and_siret_are_refused_although_their_luhn_sum_is_valid() {
        assertFalse(CompanyNumbers.isValidSiren("000000000"));
        assertFalse(CompanyNumbers.isValidSiret("00000000000000"));
        assertTrue(CompanyNumbers.isValidSiren("842317653"));
    }

    @Test
    void the_french_vat_key_follows_the_siren() {
        // Published example: SIREN 404 833 048 has the VAT number FR 83 404 833 048.
        assertEquals("83", CompanyNumbers.frenchVatKey("404833048"));
        assertEquals("FR83404833048", CompanyNumbers.frenchVatNumber("404833048"));
        assertTrue(CompanyNumbers.isValidVat("FR83404833048"));
        assertTrue(CompanyNumbers.isValidVat("fr 83 404 833 048"), "spaces and case are normalised");
        assertTrue(CompanyNumbers.isValidVat(CompanyNumbers.frenchVatNumber("842317653")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR84404833048", "FR83404833049", "FR8340483304", "US123456789", "FRXX404833048", "F", "DE"})
    void wrong_vat_numbers_are_refused(String vat) {
        assertFalse(CompanyNumbers.isValidVat(vat), vat);
    }

    @Test
    void other_member_states_are_checked_for_format_only() {
        assertTrue(CompanyNumbers.isValidVat("DE123456789"));
        assertTrue(CompanyNumbers.isValidVat("BE0123456749"));
        assertFalse(CompanyNumbers.isValidVat("DE12345678901234"));
    }

    static TenantDetails details(String siren, String siret, String vat) {
        return new TenantDetails("Boulangerie Martin SARL", siren, siret, vat,
                new PostalAddress("12 rue de la Paix", null, "75002", "Paris", "FR"),
                new Contact("Jeanne Martin", "jeanne@martin.example", "01 23 45 67 89"),
                new Contact(" ", "", null), null, Set.of(HostedDataKind.ACCOUNTING_DOCUMENTS, HostedDataKind.E_INVOICES));
    }

    @Test
    void the_record_cross_checks_siret_and_vat_against_the_siren() {
        assertTrue(details("842317653", "84231765300017", "FR" + CompanyNumbers.frenchVatKey("842317653") + "842317653").isSiretOfSiren());
        assertFalse(details("842317653", "73282932000074", null).isSiretOfSiren());
        assertFalse(details("842317653", null, "FR83404833048").isVatOfSiren());
        TenantDetails empty = details("842317653", " ", " ");
        assertNull(empty.siret());
        assertNull(empty.vatNumber());
        assertNull(empty.billing(), "an empty optional contact is no contact");
    }

    @Test
    void a_tenant_keeps_its_full_record_and_refuses_inconsistent_identifiers() {
        Tenant tenant = new Tenant(details("842317653", "84231765300017", null), Instant.EPOCH);
        assertEquals("84231765300017", tenant.details().siret());
        assertEquals(Set.of(HostedDataKind.ACCOUNTING_DOCUMENTS, HostedDataKind.E_INVOICES), tenant.details().dataKinds());
        assertEquals("jeanne@martin.example", tenant.details().administrative().email());
        assertThrows(IllegalArgumentException.class, () -> new Tenant(details("842317653", "73282932000074", null), Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> tenant.edit(details("913572467", null, null)));
    }

    @Test
    void state_changes_follow_the_rules() throws Exception {
        Tenant tenant = new Tenant(details("842317653", null, null), Instant.EPOCH);
        assertThrows(TenantStateException.class, () -> tenant.reactivate("why", Instant.EPOCH));
        tenant.suspend("unpaid invoices", Instant.EPOCH);
        assertEquals(TenantState.SUSPENDED, tenant.state());
        assertThrows(TenantStateException.class, () -> tenant.suspend("again", Instant.EPOCH));
        tenant.reactivate("paid", Instant.EPOCH);
        assertEquals(TenantState.ACTIVE, tenant.state());
        assertThrows(IllegalArgumentException.class, () -> tenant.suspend(" ", Instant.EPOCH), "a reason is required");
        LocalDate purgeAfter = LocalDate.of(2027, 3, 1);
        tenant.terminate("contract ended", Instant.EPOCH, purgeAfter);
        assertEquals(TenantState.TERMINATED, tenant.state());
        TenantStateException refused = assertThrows(TenantStateException.class, () -> tenant.reactivate("back", Instant.EPOCH));
        assertEquals("reactivate", refused.change());
        assertThrows(TenantStateException.class, () -> tenant.edit(details("842317653", null, null)), "a terminated tenant is read-only");
        assertFalse(tenant.isDueForPurge(purgeAfter));
        assertTrue(tenant.isDueForPurge(purgeAfter.plusDays(1)));
    }
}
