package fr.gestan.cloud.web.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantOverview;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.web.layout.Permissions;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tenant page shows an existing tenant's record read-only; "Modifier la fiche" ({@code ?edit=true}) shows its form
 * to staff who may change it, never to others, nor on a terminated tenant (docs/performance.md, "staff tenant pages and
 * dashboards (pages10t)").
 */
class TenantFormBeanTest {

    private final TenantPageBean page = new TenantPageBean();
    private final TenantFormBean form = new TenantFormBean();

    private void open(TenantState state, String... roles) {
        page.may = editors(roles);
        page.tenants = proxy(TenantService.class, (name, args) -> {
            if (!name.equals("overview")) {
                throw new UnsupportedOperationException(name);
            }
            TenantDetails details = new TenantDetails("Boulangerie Martin SARL", "842317653", null, null,
                    new PostalAddress("14 rue de la République", null, "69002", "Lyon", "FR"),
                    new Contact("Camille Martin", "camille@boulangerie.example", null), null, null, Set.of(HostedDataKind.E_INVOICES));
            return new TenantOverview(new TenantRecord(1, 0, details, state, Instant.EPOCH, null, null, null), List.of(), List.of());
        });
        @SuppressWarnings("unchecked")
        Event<TenantPageBean.Shown> shown = proxy(Event.class, (name, args) -> {
            form.fill((TenantPageBean.Shown) args[0]);
            return null;
        });
        page.shown = shown;
        form.page = page;
        page.setId(1L);
        page.load();
    }

    @Test
    void an_existing_tenant_is_read_only_until_an_editor_asks_for_its_form() {
        open(TenantState.ACTIVE, "support");
        assertFalse(form.isEditing(), "read-only first");
        assertEquals("Boulangerie Martin SARL", form.getLegalName(), "the form holds the record, ready to edit");

        form.edit();
        assertTrue(form.isEditing());
    }

    @Test
    void who_may_not_change_the_tenant_keeps_the_read_only_record() {
        open(TenantState.ACTIVE, "auditor");
        form.edit();
        assertFalse(form.isEditing(), "an auditor's ?edit=true shows the record, not a form");

        open(TenantState.TERMINATED, "admin");
        form.edit();
        assertFalse(form.isEditing(), "a terminated tenant is not edited");
    }

    @Test
    void creating_a_tenant_is_the_form_without_asking() {
        page.may = editors("admin");
        form.page = page;
        page.load(); // no id: a new tenant
        form.edit();
        assertTrue(page.isCreating());
        assertFalse(form.isEditing(), "the page shows the form for creating through isCreating, not through editing");
    }

    /** The rule the page asks (Permissions.TENANT_EDITORS) for a user with {@code roles}. */
    private static Permissions editors(String... roles) {
        return new Permissions() {
            @Override
            public boolean isManageTenants() {
                return Permissions.TENANT_EDITORS.stream().anyMatch(List.of(roles)::contains);
            }
        };
    }

    private interface Answer {
        Object apply(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(TenantFormBeanTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.apply(method.getName(), args));
    }
}
