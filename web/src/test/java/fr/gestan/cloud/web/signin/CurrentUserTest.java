package fr.gestan.cloud.web.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The portal header's company name (docs/performance.md 4.40): asked of the tenants module once per request whatever
 * the layout asks (its {@code rendered} test and its text), through the call that throws nothing
 * ({@code myLinkedCompany}, since client19: the view the dashboard's tiles share), never the company's record, and
 * never for staff; a client linked to no company has no name and no exception.
 */
public class CurrentUserTest {

    private final List<String> asked = new ArrayList<>();

    private CurrentUser user(Set<String> roles, Optional<String> name) {
        return user(roles, name.map(n -> new TenantView(7L, n, "842317653", TenantState.ACTIVE)), asked);
    }

    /** A request's {@link CurrentUser} whose tenants module answers {@code company}, each call noted in {@code asked}. */
    public static CurrentUser user(Set<String> roles, Optional<TenantView> company, List<String> asked) {
        CurrentUser user = new CurrentUser();
        user.request = (HttpServletRequest) Proxy.newProxyInstance(CurrentUserTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "isUserInRole" -> roles.contains((String) a[0]);
                    case "getUserPrincipal" -> (java.security.Principal) () -> "someone";
                    case "getAttribute" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        user.tenants = (TenantService) Proxy.newProxyInstance(CurrentUserTest.class.getClassLoader(), new Class<?>[] {TenantService.class},
                (p, m, a) -> {
                    asked.add(m.getName());
                    if (m.getName().equals("myLinkedCompany")) {
                        return company;
                    }
                    throw new UnsupportedOperationException(m.getName() + ": the portal needs the linked company only (no exception)");
                });
        return user;
    }

    @Test
    void a_client_s_header_asks_for_its_company_s_name_once_per_request() {
        CurrentUser client = user(Set.of(Roles.CLIENT), Optional.of("Boulangerie Martin SARL"));
        for (int i = 0; i < 3; i++) { // the layout's rendered test, then its text, then again
            assertEquals("Boulangerie Martin SARL", client.getCompanyName());
        }
        assertEquals(List.of("myLinkedCompany"), asked);
    }

    @Test
    void a_client_linked_to_no_company_has_no_name_and_staff_ask_nothing() {
        CurrentUser unlinked = user(Set.of(Roles.CLIENT), Optional.empty());
        assertNull(unlinked.getCompanyName());
        assertNull(unlinked.getCompanyName());
        assertEquals(List.of("myLinkedCompany"), asked);
        asked.clear();
        for (String staff : new String[] {Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR}) {
            assertNull(user(Set.of(staff), Optional.of("x")).getCompanyName());
        }
        assertEquals(List.of(), asked, "staff have no company: nothing asked");
    }
}
