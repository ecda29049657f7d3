package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link Permissions} decides what the pages show from the same roles the EJBs allow: this fails when a guard's
 * {@code @RolesAllowed} and the page's rule drift apart (a form shown to someone the EJB refuses, or hidden from
 * someone it accepts). The guards are read by name: the web module never links to a module's internals.
 */
class PermissionsMatchGuardsTest {

    @Test
    void the_status_forms_follow_the_status_guard() throws Exception {
        for (String method : List.of("openIncident", "postUpdate", "scheduleMaintenance", "advanceMaintenance")) {
            assertEquals(set(Permissions.STATUS_EDITORS), allowed("fr.gestan.cloud.hosting.internal.ServerStatusBean", method), method);
        }
    }

    @Test
    void the_checkpoint_button_follows_the_journal_guard() throws Exception {
        assertEquals(set(Permissions.CHECKPOINT_SIGNERS), allowed("fr.gestan.cloud.security.internal.JournalIntegrityBean", "checkpointNow"));
    }

    @Test
    void the_requests_queue_follows_the_tenant_service_guard() throws Exception {
        assertEquals(set(Permissions.REQUEST_HANDLERS), allowed("fr.gestan.cloud.tenants.internal.TenantServiceBean", "closeChangeRequest"));
        assertEquals(set(Permissions.REQUEST_TAKERS), allowed("fr.gestan.cloud.tenants.internal.TenantServiceBean", "takeChangeRequest"));
    }

    /** The roles a method allows: its own {@code @RolesAllowed}, else its class's. */
    private static Set<String> allowed(String className, String methodName) throws ClassNotFoundException {
        Class<?> bean = Class.forName(className);
        Method method = Arrays.stream(bean.getDeclaredMethods()).filter(m -> m.getName().equals(methodName) && !m.isBridge())
                .findFirst().orElseThrow(() -> new AssertionError(className + "." + methodName + " not found"));
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = bean.getAnnotation(RolesAllowed.class);
        }
        assertNotNull(roles, className + "." + methodName + " has a role guard");
        return set(List.of(roles.value()));
    }

    private static Set<String> set(List<String> roles) {
        return new TreeSet<>(roles);
    }
}
