package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.AsAuditor;
import fr.gestan.cloud.it.support.AsClient;
import fr.gestan.cloud.it.support.AsSupport;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import fr.gestan.cloud.tenants.api.InvalidSirenException;
import fr.gestan.cloud.tenants.api.NewTenant;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tenants module against the real server and database: persistence, roles, journal, validation. */
@ExtendWith(ArquillianExtension.class)
class TenantsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(TenantsIT.class, "gestan-tenants.jar");
    }

    @EJB
    TenantService tenants;
    @EJB
    JournalQuery journal;
    @EJB
    AsSupport support;
    @EJB
    AsClient client;
    @EJB
    AsAuditor auditor;

    @Test
    void support_registers_a_tenant_that_is_stored_and_journaled() throws Exception {
        String siren = Ids.siren();
        long before = support.call(tenants::count);

        TenantView created = support.call(() -> tenants.register(new NewTenant("Pharmacie du Marché", siren)));

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
        NewTenant tenant = new NewTenant("Intrus SARL", Ids.siren());
        assertThrows(EJBAccessException.class, () -> tenants.register(tenant));
        assertThrows(EJBAccessException.class, () -> client.call(() -> tenants.register(tenant)));
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
        support.call(() -> tenants.register(new NewTenant("Première SARL", siren)));
        long tenantsBefore = support.call(tenants::count);
        long journalBefore = auditor.call(journal::count);

        assertThrows(DuplicateSirenException.class, () -> support.call(() -> tenants.register(new NewTenant("Seconde SARL", siren))));
        assertThrows(InvalidSirenException.class,
                () -> support.call(() -> tenants.register(new NewTenant("Clé fausse SARL", Ids.invalidSiren(Ids.siren())))));

        assertEquals(tenantsBefore, support.call(tenants::count));
        assertEquals(journalBefore, auditor.call(journal::count));
    }

    @Test
    void bean_validation_rejects_a_blank_name_and_a_malformed_siren() {
        EJBException blank = assertThrows(EJBException.class, () -> support.call(() -> tenants.register(new NewTenant(" ", Ids.siren()))));
        assertInstanceOf(ConstraintViolationException.class, rootOf(blank));
        EJBException malformed = assertThrows(EJBException.class, () -> support.call(() -> tenants.register(new NewTenant("Format SARL", "12AB"))));
        assertInstanceOf(ConstraintViolationException.class, rootOf(malformed));
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
