package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.RecoveryPage;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.Source;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import fr.gestan.cloud.hosting.api.ServiceLevel;
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

/** The recovery page's reads in one call: the hosting module's page, then its plan's tenants' names in one query. */
class RecoveryReadsTest {

    private static final RecoveryPlanView PLAN = new RecoveryPlanView(1, "GC-PROD-01", "DC3", List.of(),
            List.of(new RecoveryPlanView.TenantSlot(1, 7, "842317653", ServiceLevel.PREMIUM, 10, 30, 10, Source.SETTING),
                    new RecoveryPlanView.TenantSlot(2, 8, "913572467", ServiceLevel.STANDARD, 5, 40, 10, Source.SETTING),
                    new RecoveryPlanView.TenantSlot(3, 9, "000000000", ServiceLevel.STANDARD, 5, 50, 10, Source.SETTING)),
            30, 60);
    private static final RecoverySettings SETTINGS = new RecoverySettings(60, 30, 10, 100);

    private final List<String> calls = new ArrayList<>();
    private final RecoveryReads reads = new RecoveryReads();
    private RecoveryPage page = new RecoveryPage(List.of(new RecoveryPage.Server(1, "GC-PROD-01")), SETTINGS, PLAN, List.of());

    RecoveryReadsTest() {
        reads.plans = (RecoveryPlans) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RecoveryPlans.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + List.of(String.valueOf(args[0])));
                    if (!method.getName().equals("page")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (Long.valueOf(99).equals(args[0])) {
                        throw new HostingRefusedException(HostingRefusedException.Reason.NOT_FOUND, "server 99");
                    }
                    return page;
                });
        reads.tenants = (TenantService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TenantService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("rows")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Set<String> sirens = ((TenantQuery) args[0]).sirens();
                    calls.add("rows" + new TreeSet<>(sirens));
                    Map<String, String> known = Map.of("842317653", "Boulangerie Martin", "913572467", "Atelier Durand");
                    return sirens.stream().filter(known::containsKey).map(s -> new TenantView(1, known.get(s), s, TenantState.ACTIVE)).toList();
                });
    }

    @Test
    void the_page_and_its_tenants_names_are_read_by_one_call() {
        RecoveryReads.Read read = reads.read(1L);
        assertSame(page, read.page());
        assertEquals(Map.of("842317653", "Boulangerie Martin", "913572467", "Atelier Durand"), read.names());
        assertEquals(List.of("page[1]", "rows[000000000, 842317653, 913572467]"), calls, "the page, then one query for the names");
    }

    @Test
    void without_a_plan_no_name_is_read() {
        page = new RecoveryPage(List.of(), SETTINGS, null, List.of());
        assertEquals(Map.of(), reads.read(null).names());
        assertEquals(List.of("page[null]"), calls);
    }

    @Test
    void a_refused_server_is_told_as_the_hosting_module_tells_it() {
        HostingRefusedException refused = assertThrows(HostingRefusedException.class, () -> reads.read(99L));
        assertEquals(HostingRefusedException.Reason.NOT_FOUND, refused.reason());
        assertEquals(List.of("page[99]"), calls);
    }
}
