package fr.gestan.cloud.architecture;

import fr.gestan.cloud.common.tenancy.CallerTenancy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.tenancy.TenantRef;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The caller-tenant rule exists once ({@code CallerTenancy}), and every EJB method a client may call with a tenant
 * (a String parameter named siren, tenant, tenantRef or tenantSiren) applies it: the parameter is marked
 * {@link TenantRef} and the bean is intercepted by {@link TenantConfinement} (or the method checks it in its body,
 * {@code @TenantRef(checkedInBody = true)}, to answer "not found").
 */
class TenantConfinementTest {

    private static final Pattern TENANT_PARAMETER = Pattern.compile("siren|tenant|tenantRef|tenantSiren");

    @Test
    void every_client_reachable_method_taking_a_tenant_is_confined() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Class<?> bean : ProductionClasses.reflected()) {
            // The rule's own implementation is what the guard calls.
            boolean guardItself = CallerTenancy.class.isAssignableFrom(bean);
            if ((bean.isAnnotationPresent(Stateless.class) || bean.isAnnotationPresent(Singleton.class)) && !guardItself) {
                checked++;
                violations.addAll(violations(bean));
            }
        }
        assertTrue(checked > 40, "too few beans found: " + checked);
        assertTrue(violations.isEmpty(), "client-reachable methods taking a tenant without the guard:\n"
                + String.join("\n", violations));
    }

    @Test
    void the_check_finds_an_unguarded_method_and_accepts_a_guarded_one() {
        assertEquals(List.of("Unguarded.exportOf(siren)"), violations(Unguarded.class));
        assertEquals(List.of(), violations(Guarded.class));
        assertEquals(List.of(), violations(StaffOnly.class));
    }

    static List<String> violations(Class<?> bean) {
        List<String> violations = new ArrayList<>();
        boolean intercepted = intercepts(bean.getAnnotation(Interceptors.class));
        for (Method method : bean.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                    || method.isSynthetic() || !isBusinessMethod(bean, method) || !clientMayCall(bean, method)) {
                continue;
            }
            for (Parameter parameter : method.getParameters()) {
                if (parameter.getType() != String.class || !TENANT_PARAMETER.matcher(parameter.getName()).matches()) {
                    continue;
                }
                TenantRef ref = parameter.getAnnotation(TenantRef.class);
                boolean guarded = ref != null
                        && (ref.checkedInBody() || intercepted || intercepts(method.getAnnotation(Interceptors.class)));
                if (!guarded) {
                    violations.add(bean.getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")");
                }
            }
        }
        return violations;
    }

    private static boolean intercepts(Interceptors interceptors) {
        return interceptors != null && Arrays.asList(interceptors.value()).contains(TenantConfinement.class);
    }

    /** A method of one of the bean's business interfaces (so not a timer, life-cycle or helper method). */
    private static boolean isBusinessMethod(Class<?> bean, Method method) {
        List<Class<?>> views = new ArrayList<>(Arrays.asList(bean.getInterfaces()));
        Local local = bean.getAnnotation(Local.class);
        if (local != null) {
            for (Class<?> view : local.value()) {
                views.add(view);
            }
        }
        for (Class<?> view : views) {
            try {
                view.getMethod(method.getName(), method.getParameterTypes());
                return true;
            } catch (NoSuchMethodException notThisOne) {
                // look at the next view
            }
        }
        return false;
    }

    /** Method-level security wins over the class's; no annotation at all lets everyone in. API clients count as clients. */
    private static boolean clientMayCall(Class<?> bean, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !bean.isAnnotationPresent(PermitAll.class)) {
            roles = bean.getAnnotation(RolesAllowed.class);
        }
        // An integration's API client (api-read, api-write) acts for one tenant like a client contact.
        return roles == null || Arrays.stream(roles.value()).anyMatch(r -> r.equals(Roles.CLIENT) || r.equals(Roles.API_READ) || r.equals(Roles.API_WRITE));
    }

    interface Exports {
        String exportOf(String siren);
    }

    @Stateless
    @RolesAllowed({Roles.CLIENT, Roles.SUPPORT})
    static class Unguarded implements Exports {
        @Override
        public String exportOf(String siren) {
            return siren;
        }
    }

    @Stateless
    @Interceptors(TenantConfinement.class)
    @RolesAllowed({Roles.CLIENT, Roles.SUPPORT})
    static class Guarded implements Exports {
        @Override
        public String exportOf(@TenantRef String siren) {
            return siren;
        }
    }

    @Stateless
    @RolesAllowed(Roles.SUPPORT)
    static class StaffOnly implements Exports {
        @Override
        public String exportOf(String siren) {
            return siren;
        }
    }
}
