package fr.gestan.cloud.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.security.DashboardJournalTiles;
import fr.gestan.cloud.web.signin.CurrentUser;
import fr.gestan.cloud.web.signin.CurrentUserTest;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client dashboard's view asks the tenants module for the caller's company once (docs/performance.md, client19):
 * the header, the company tile ({@link PortalHomeBean}) and the journal tile ({@link DashboardJournalTiles}) share the
 * request's {@link CurrentUser}; they made three EJB calls ({@code myCompanyName}, then {@code myCompany} twice). The
 * journal tile still asks the journal for the company's SIREN, which the journal's confinement checks.
 */
class DashboardCompanyReadsTest {

    /** Sets a bean's injected field (the tiles' tests of this package). */
    static void set(Object bean, String field, Object value) throws ReflectiveOperationException {
        Field f = bean.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(bean, value);
    }

    @Test
    void the_header_the_company_tile_and_the_journal_tile_ask_for_the_company_once() throws Exception {
        List<String> asked = new ArrayList<>();
        TenantView company = new TenantView(7L, "Boulangerie Martin SARL", "842317653", TenantState.ACTIVE);
        CurrentUser user = CurrentUserTest.user(Set.of(Roles.CLIENT), Optional.of(company), asked);
        List<String> journalAsked = new ArrayList<>();
        JournalQuery journal = (JournalQuery) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JournalQuery.class},
                (p, m, a) -> {
                    journalAsked.add(m.getName() + " " + a[0] + " " + a[1] + " " + a[2]);
                    return List.of();
                });

        // in the order the page is written: the header's rendered test and text, the company tile, the journal tile
        assertEquals("Boulangerie Martin SARL", user.getCompanyName());
        assertEquals("Boulangerie Martin SARL", user.getCompanyName());
        PortalHomeBean home = new PortalHomeBean();
        set(home, "user", user);
        home.load();
        assertSame(company, home.getCompany());
        DashboardJournalTiles tiles = new DashboardJournalTiles();
        set(tiles, "user", user);
        set(tiles, "journal", journal);
        assertEquals(List.of(), tiles.getMine());
        assertEquals(List.of(), tiles.getMine());

        assertEquals(List.of("myLinkedCompany"), asked, "one call of the tenants module for the whole view");
        assertEquals(List.of("ofTenant 842317653 0 5"), journalAsked, "the journal asked once, for the caller's company");
    }

    @Test
    void a_client_linked_to_no_company_reads_no_journal_and_is_told() throws Exception {
        List<String> asked = new ArrayList<>();
        CurrentUser user = CurrentUserTest.user(Set.of(Roles.CLIENT), Optional.empty(), asked);
        DashboardJournalTiles tiles = new DashboardJournalTiles();
        set(tiles, "user", user);
        set(tiles, "journal", (JournalQuery) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JournalQuery.class},
                (p, m, a) -> {
                    throw new AssertionError("no company: no journal read");
                }));
        assertEquals(List.of(), tiles.getMine());
        assertEquals(List.of("myLinkedCompany"), asked);
    }
}
