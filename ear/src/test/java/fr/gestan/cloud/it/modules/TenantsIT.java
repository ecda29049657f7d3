package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.it.support.Companies;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.CompanyNumbers;
import fr.gestan.cloud.tenants.api.ConcurrentEditException;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantPage;
import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.PortalInvitation;
import fr.gestan.cloud.tenants.api.PortalUsers;
import fr.gestan.cloud.tenants.internal.PortalDirectory;
import fr.gestan.cloud.tenants.internal.TenantPurge;
import jakarta.validation.ConstraintViolation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tenants module against the real server and database: persistence, roles, journal, validation. */
@ExtendWith(ArquillianExtension.class)
class TenantsIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(TenantsIT.class, "gestan-tenants.jar");
    }

    @EJB
    TenantService tenants;
    @EJB
    JournalQuery journal;
    @EJB
    TenantPurge purge;
    @EJB
    PortalUsers portalUsers;
    @EJB
    PortalDirectory directory;
    @EJB
    CallerTenancy tenancy;

    @Test
    void support_registers_a_tenant_that_is_stored_and_journaled() throws Exception {
        String siren = Ids.siren();
        long before = support.call(tenants::count);

        TenantRecord created = support.call(() -> tenants.create(Companies.minimal("Pharmacie du Marché", siren)));

        assertEquals(siren, created.siren());
        assertEquals(TenantState.ACTIVE, created.state());
        assertEquals(before + 1, support.call(tenants::count));
        List<TenantView> all = support.call(() -> tenants.list(0, 500));
        assertTrue(all.stream().anyMatch(t -> t.siren().equals(siren) && t.legalName().equals("Pharmacie du Marché")));

        List<JournalEntryView> entries = auditor.call(() -> journal.latest(50));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("TENANT_REGISTERED") && siren.equals(e.tenantRef())
                && e.actor().equals("support.it") && e.actorRole().equals("support")), () -> "journal: " + entries);
    }

    @Test
    void anonymous_and_client_callers_are_refused() {
        TenantDetails tenant = Companies.minimal("Intrus SARL", Ids.siren());
        assertThrows(EJBAccessException.class, () -> tenants.create(tenant));
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.create(tenant)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.list(0, 10)));
        assertThrows(EJBAccessException.class, () -> support.call(tenants::myCompany));
    }

    @Test
    void a_client_sees_its_own_company() throws Exception {
        TenantView mine = client.call(tenants::myCompany);
        assertEquals("Boulangerie Martin SARL", mine.legalName());
        assertEquals("842317653", mine.siren());
    }

    @Test
    void a_duplicate_or_invalid_siren_is_refused_and_nothing_is_stored_or_journaled() throws Exception {
        String siren = Ids.siren();
        support.call(() -> tenants.create(Companies.minimal("Première SARL", siren)));
        long tenantsBefore = support.call(tenants::count);
        long journalBefore = auditor.call(journal::count);

        assertThrows(DuplicateSirenException.class, () -> support.call(() -> tenants.create(Companies.minimal("Seconde SARL", siren))));
        EJBException invalid = assertThrows(EJBException.class,
                () -> support.call(() -> tenants.create(Companies.minimal("Clé fausse SARL", Ids.invalidSiren(Ids.siren())))));
        assertInstanceOf(ConstraintViolationException.class, rootOf(invalid));

        assertEquals(tenantsBefore, support.call(tenants::count));
        assertEquals(journalBefore, auditor.call(journal::count));
    }

    @Test
    void bean_validation_rejects_a_blank_name_and_a_malformed_siren() {
        EJBException blank = assertThrows(EJBException.class, () -> support.call(() -> tenants.create(Companies.minimal(" ", Ids.siren()))));
        assertInstanceOf(ConstraintViolationException.class, rootOf(blank));
        EJBException malformed = assertThrows(EJBException.class, () -> support.call(() -> tenants.create(Companies.minimal("Format SARL", "12AB"))));
        assertInstanceOf(ConstraintViolationException.class, rootOf(malformed));
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static TenantDetails details(String name, String siren) {
        return new TenantDetails(name, siren, siren + "0001" + luhnDigit(siren + "0001"),
                CompanyNumbers.frenchVatNumber(siren),
                new PostalAddress("3 place du Marché", null, "69002", "Lyon", "FR"),
                new Contact("Jeanne Martin", "jeanne.martin@example.fr", "04 72 00 00 00"),
                new Contact("Compta", "compta@example.fr", "+33 4 72 00 00 01"), null,
                Set.of(HostedDataKind.ACCOUNTING_DOCUMENTS, HostedDataKind.PERSONAL_DATA_EMPLOYEES));
    }

    static String luhnDigit(String body) {
        for (int check = 0; check <= 9; check++) {
            if (CompanyNumbers.isValidSiret(body + check)) {
                return Integer.toString(check);
            }
        }
        throw new AssertionError();
    }

    @Test
    void the_full_record_is_stored_edited_with_optimistic_locking_and_journaled() throws Exception {
        String siren = Ids.siren();
        TenantRecord created = support.call(() -> tenants.create(details("Fromagerie Bernard SAS", siren)));
        assertEquals(siren + "0001", created.details().siret().substring(0, 13));
        assertEquals(Set.of(HostedDataKind.ACCOUNTING_DOCUMENTS, HostedDataKind.PERSONAL_DATA_EMPLOYEES), created.details().dataKinds());
        assertEquals("compta@example.fr", created.details().billing().email());
        TenantRecord read = auditor.call(() -> tenants.get(created.id()));
        assertEquals(created.details(), read.details());

        TenantDetails renamed = new TenantDetails("Fromagerie Bernard et Fils SAS", siren, null, null, read.details().address(),
                read.details().administrative(), null, null, Set.of(HostedDataKind.E_INVOICES));
        TenantRecord updated = support.call(() -> tenants.update(created.id(), created.version(), renamed));
        assertEquals("Fromagerie Bernard et Fils SAS", updated.legalName());
        assertTrue(updated.version() > created.version());
        // A second editor who read the old version loses nothing silently: refused, nothing saved.
        assertThrows(ConcurrentEditException.class, () -> support.call(() -> tenants.update(created.id(), created.version(),
                details("Perdu SARL", siren))));
        assertEquals("Fromagerie Bernard et Fils SAS", auditor.call(() -> tenants.get(created.id())).legalName());
        assertThrows(TenantStateException.class, () -> support.call(() -> tenants.update(created.id(), updated.version(),
                details("Autre SIREN", Ids.siren()))));

        List<JournalEntryView> entries = auditor.call(() -> journal.ofTenant(siren, 0, 10));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("TENANT_UPDATED")));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("TENANT_REGISTERED")));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> tenants.update(created.id(), updated.version(), renamed)));
    }

    @Test
    void invalid_identifiers_contacts_and_addresses_get_field_messages_and_nothing_is_saved() throws Exception {
        String siren = Ids.siren();
        TenantDetails good = details("Valide SARL", siren);
        TenantDetails bad = new TenantDetails(" ", Ids.invalidSiren(siren), "73282932000075", "FR00" + siren,
                new PostalAddress("1 rue", null, "7500", "Paris", "FR"),
                new Contact("X", "not-an-email", "12"), null, null, Set.of());
        long before = support.call(tenants::count);
        EJBException refused = assertThrows(EJBException.class, () -> support.call(() -> tenants.create(bad)));
        ConstraintViolationException violations = assertInstanceOf(ConstraintViolationException.class, rootOf(refused));
        Set<String> templates = violations.getConstraintViolations().stream().map(ConstraintViolation::getMessageTemplate)
                .collect(Collectors.toSet());
        for (String expected : List.of("{tenant.legalName.required}", "{tenant.siren.invalid}", "{tenant.siret.invalid}",
                "{tenant.vat.invalid}", "{tenant.address.postalCode.invalid}",
                "{tenant.contact.email.invalid}", "{tenant.contact.phone.invalid}")) {
            assertTrue(templates.contains(expected), () -> expected + " missing from " + templates);
        }
        assertEquals(before, support.call(tenants::count));
        support.call(() -> tenants.create(good));
        assertThrows(DuplicateSirenException.class, () -> support.call(() -> tenants.create(details("Doublon SARL", siren))));
    }

    @Test
    void state_changes_follow_the_rules_and_a_terminated_tenant_is_purged_after_retention() throws Exception {
        String siren = Ids.siren();
        TenantRecord t = support.call(() -> tenants.create(details("Garage Petit SARL", siren)));
        assertEquals(TenantState.SUSPENDED, support.call(() -> tenants.suspend(t.id(), "Unpaid invoices")).state());
        assertThrows(TenantStateException.class, () -> support.call(() -> tenants.suspend(t.id(), "again")));
        assertEquals(TenantState.ACTIVE, support.call(() -> tenants.reactivate(t.id(), "Paid")).state());
        TenantRecord terminated = admin.call(() -> tenants.terminate(t.id(), "Contract ended"));
        assertEquals(TenantState.TERMINATED, terminated.state());
        assertEquals(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(client.call(() -> tenants.retentionDays())), terminated.purgeAfter(),
                "the retention the agreements print is the one applied");
        assertThrows(TenantStateException.class, () -> support.call(() -> tenants.reactivate(t.id(), "Come back")));
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.suspend(t.id(), "a client cannot")));

        // this tenant only: the suite's database may hold others whose (shorter, policy-tested) retention ends sooner
        List<String> dueOnItsLastDay = purge.purgeDue(terminated.purgeAfter());
        assertFalse(dueOnItsLastDay.contains(siren), () -> "not before the end of the retention period: " + dueOnItsLastDay);
        List<String> purged = purge.purgeDue(terminated.purgeAfter().plusDays(1));
        assertTrue(purged.contains(siren));
        assertThrows(TenantNotFoundException.class, () -> auditor.call(() -> tenants.get(t.id())));
        List<JournalEntryView> entries = auditor.call(() -> journal.ofTenant(siren, 0, 10));
        List<String> actions = entries.stream().map(JournalEntryView::action).toList();
        assertTrue(actions.containsAll(List.of("TENANT_SUSPENDED", "TENANT_REACTIVATED", "TENANT_TERMINATED", "TENANT_PURGED")), actions::toString);
        JournalEntryView purgeEntry = entries.stream().filter(e -> e.action().equals("TENANT_PURGED")).findFirst().orElseThrow();
        assertEquals("gestan-purge", purgeEntry.actor());
        assertTrue(purgeEntry.reason().contains("hosted accounts"), purgeEntry.reason());
    }

    @Test
    void the_staff_list_filters_sorts_and_pages_in_the_database() throws Exception {
        String marker = "Zz" + Ids.siren();
        for (int i = 0; i < 3; i++) {
            int n = i;
            support.call(() -> tenants.create(Companies.minimal(marker + " Société " + n, Ids.siren())));
        }
        TenantPage page = auditor.call(() -> tenants.search(new TenantQuery(marker.toLowerCase(), null, null,
                TenantQuery.Sort.LEGAL_NAME, false, 0, 2)));
        assertEquals(3, page.total());
        assertEquals(2, page.rows().size());
        assertEquals(marker + " Société 2", page.rows().get(0).legalName());
        TenantPage second = auditor.call(() -> tenants.search(new TenantQuery(marker, TenantState.ACTIVE, null,
                TenantQuery.Sort.LEGAL_NAME, false, 2, 2)));
        assertEquals(1, second.rows().size());
        assertEquals(3, second.total());
        // digits of a name (no letters: matched on the names as stored, sorted by name off its index, pages11s)
        String digits = marker.substring(2);
        TenantPage byDigits = auditor.call(() -> tenants.search(new TenantQuery(digits, null, null,
                TenantQuery.Sort.LEGAL_NAME, false, 0, 10)));
        assertEquals(List.of(marker + " Société 2", marker + " Société 1", marker + " Société 0"),
                byDigits.rows().stream().map(TenantView::legalName).filter(n -> n.startsWith(marker)).toList());
        TenantPage bySiren = auditor.call(() -> tenants.search(new TenantQuery("84231", null, null, TenantQuery.Sort.SIREN, true, 0, 10)));
        assertTrue(bySiren.rows().stream().anyMatch(t -> t.siren().equals("842317653")));
        TenantPage restricted = auditor.call(() -> tenants.search(new TenantQuery(null, null, Set.of("842317653"),
                TenantQuery.Sort.STATE, true, 0, 10)));
        assertEquals(1, restricted.total());
        TenantPage none = auditor.call(() -> tenants.search(new TenantQuery("%", TenantState.TERMINATED, Set.of(),
                TenantQuery.Sort.CREATED_AT, true, 0, 10)));
        assertEquals(0, none.total());
    }

    @Test
    void a_client_reads_its_record_and_asks_for_changes_that_staff_handle() throws Exception {
        TenantRecord mine = client.call(tenants::myCompanyRecord);
        assertEquals("842317653", mine.siren());
        ChangeRequestView request = client.call(() -> tenants.requestChange("Notre adresse change au 1er janvier : 5 rue Neuve."));
        assertTrue(request.open());
        assertTrue(client.call(tenants::myChangeRequests).stream().anyMatch(r -> r.id() == request.id()));
        assertTrue(support.call(() -> tenants.openChangeRequests(0, 500)).stream().anyMatch(r -> r.id() == request.id()
                && r.tenantSiren().equals("842317653")));
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.openChangeRequests(0, 10)));
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.get(mine.id())));
        ChangeRequestView closed = support.call(() -> tenants.closeChangeRequest(request.id(), "Adresse mise à jour"));
        assertFalse(closed.open());
        assertEquals("support.it", closed.closedBy());
    }

    @Test
    void an_invited_contact_becomes_a_keycloak_client_user_disabled_on_suspension_and_enabled_on_reactivation() throws Exception {
        String siren = Ids.siren();
        TenantRecord t = support.call(() -> tenants.create(details("Imprimerie Roux SARL", siren)));
        String email = "contact." + siren + "@example.fr";
        PortalInvitation invitation = support.call(() -> portalUsers.invite(t.id(), email, "Lina", "Roux"));
        assertEquals(email, invitation.username());
        assertTrue(invitation.temporaryPassword().length() >= 15);
        assertFalse(invitation.toString().contains(invitation.temporaryPassword()));
        assertEquals(List.of(email), auditor.call(() -> portalUsers.usernames(t.id())));
        assertEquals(Boolean.TRUE, directory.isEnabled(email));
        PortalDirectoryException again = assertThrows(PortalDirectoryException.class,
                () -> support.call(() -> portalUsers.invite(t.id(), email, "Lina", "Roux")));
        assertEquals(PortalDirectoryException.Reason.USER_EXISTS, again.reason());
        assertThrows(EJBAccessException.class, () -> client.call(() -> portalUsers.invite(t.id(), "x" + email, "X", "Y")));

        support.call(() -> tenants.suspend(t.id(), "Unpaid"));
        assertEquals(Boolean.FALSE, directory.isEnabled(email), "suspension disables the portal user");
        support.call(() -> tenants.reactivate(t.id(), "Paid"));
        assertEquals(Boolean.TRUE, directory.isEnabled(email), "reactivation enables it again");
        support.call(() -> tenants.terminate(t.id(), "Contract ended"));
        assertEquals(Boolean.FALSE, directory.isEnabled(email), "termination disables it");
        assertTrue(auditor.call(() -> journal.ofTenant(siren, 0, 10)).stream().anyMatch(e -> e.action().equals("PORTAL_USER_INVITED")
                && e.target().equals(email)));
    }

    /**
     * The caller's company is read once per request (CallerLinks), and Arquillian runs this whole method in one
     * request: a suspension made in it must still refuse the client at once, and the reactivation let it in again.
     */
    @Test
    void the_callers_company_read_once_per_request_follows_a_suspension_made_in_the_same_request() throws Exception {
        String demo = "842317653"; // client.demo's company
        long id = support.call(() -> tenants.bySiren(demo)).id();
        assertEquals(java.util.Optional.of(demo), client.call(tenancy::tenantOfCaller));
        assertFalse(client.call(tenancy::callerRefused));
        support.call(() -> tenants.suspend(id, "TenantsIT: the caller's company read again"));
        try {
            assertTrue(client.call(tenancy::callerRefused), "refused from the suspension on, in the same request");
            assertEquals(java.util.Optional.of(demo), client.call(tenancy::tenantOfCaller));
        } finally {
            support.call(() -> tenants.reactivate(id, "TenantsIT: the caller's company read again"));
        }
        assertFalse(client.call(tenancy::callerRefused), "let in again from the reactivation on");
    }

    @Test
    void a_client_reads_its_own_journal_and_never_another_tenants_whatever_it_asks() throws Exception {
        client.call(() -> journal.ofTenant("842317653", 0, 5));
        client.call(() -> journal.countOfTenant("842317653"));
        assertRefused(assertThrows(EJBException.class, () -> client.call(() -> journal.ofTenant("913572467", 0, 5))));
        assertRefused(assertThrows(EJBException.class, () -> client.call(() -> journal.countOfTenant("913572467"))));
        auditor.call(() -> journal.ofTenant("913572467", 0, 5));
    }

    /** Refused by the EJB: an access exception, wrapped when the caller's transaction was rolled back. */
    private static void assertRefused(EJBException e) {
        assertTrue(e instanceof EJBAccessException || e.getCause() instanceof EJBAccessException, e::toString);
    }

}
