package fr.gestan.cloud.web.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The names a view prints beside its SIRENs: one query for what it shows, none for a name already read. */
class TenantNamesTest {

    private static final Map<String, String> KNOWN = Map.of("842317653", "Boulangerie Martin", "913572467", "Atelier Durand");

    private final List<Set<String>> queries = new ArrayList<>();
    private final TenantNames names = new TenantNames();

    TenantNamesTest() {
        names.tenants = (TenantService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TenantService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("rows")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Set<String> sirens = ((TenantQuery) args[0]).sirens();
                    queries.add(new TreeSet<>(sirens));
                    return sirens.stream().filter(KNOWN::containsKey)
                            .map(s -> new TenantView(1, KNOWN.get(s), s, TenantState.ACTIVE)).toList();
                });
    }

    @Test
    void a_page_is_read_in_one_query_and_an_unknown_or_malformed_siren_has_no_name() {
        names.read(List.of("842317653", "913572467", "842317653", "000000000", "12", ""));
        assertEquals(List.of(Set.of("000000000", "842317653", "913572467")), queries);
        assertEquals("Boulangerie Martin", names.of("842317653"));
        assertEquals("Atelier Durand", names.of("913572467"));
        assertNull(names.of("000000000"));
        assertNull(names.of(null));
    }

    @Test
    void adding_queries_only_what_was_not_read_and_reading_again_forgets_the_last_page() {
        names.read(List.of("842317653"));
        names.add(List.of("842317653", "913572467"));
        assertEquals(List.of(Set.of("842317653"), Set.of("913572467")), queries);
        assertEquals("Atelier Durand", names.of("913572467"));
        names.add(List.of("913572467"));
        assertEquals(2, queries.size(), "a name already read is not asked again");

        names.read(List.of("913572467"));
        assertNull(names.of("842317653"), "the names of the page before are gone");
        assertEquals("Atelier Durand", names.of("913572467"));
    }
}
