package fr.gestan.cloud.web.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.tenants.api.TenantPage;
import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.layout.SearchedPages;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A search from a later page of the list opens the search's first page in one call (docs/performance.md, "staff pages
 * (pages9s)"): the table and its model go back to the first page before the answer is drawn.
 */
class TenantListBeanTest {

    private final List<String> calls = new ArrayList<>();
    private final TenantListBean bean = new TenantListBean();

    TenantListBeanTest() {
        bean.tenants = (TenantService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TenantService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("search")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    TenantQuery query = (TenantQuery) args[0];
                    if (query.text() != null && query.text().length() > 200) { // as the module's @Size refuses it
                        ConstraintViolation<?> tooLong = (ConstraintViolation<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ConstraintViolation.class}, (p, m, a) -> switch (m.getName()) {
                                    case "getMessageTemplate" -> "{tenant.filter.size}";
                                    case "hashCode" -> 1;
                                    case "equals" -> p == a[0];
                                    default -> null;
                                });
                        throw new EJBException(new ConstraintViolationException(java.util.Collections.singleton(tooLong)));
                    }
                    calls.add(query.text() + " from " + query.first());
                    long total = query.text() == null ? 1000 : 1;
                    List<TenantView> rows = IntStream.range(query.first(), (int) Math.min(total, query.first() + query.max()))
                            .mapToObj(i -> new TenantView(i, "Société " + i, "7000" + (10000 + i), TenantState.ACTIVE)).toList();
                    return new TenantPage(rows, total);
                });
    }

    /** Each step below is a request of its own (the model keeps a count's answer for the page of the same request). */
    private Object request = new Object();

    private void asRequests() throws Exception {
        Field requests = SearchedPages.class.getDeclaredField("requests");
        requests.setAccessible(true);
        requests.set(bean.getModel(), (Supplier<Object>) () -> request);
        Field tables = SearchedPages.class.getDeclaredField("tables");
        tables.setAccessible(true);
        tables.set(bean.getModel(), (Supplier<int[]>) () -> null); // the model alone: no table drawing
    }

    @Test
    void a_search_from_page_40_is_one_call_for_its_first_page() throws Exception {
        asRequests();
        // the list at its 40th page (rows 975 to 999)
        bean.getModel().count(Map.of());
        bean.getModel().load(975, 25, Map.of(), Map.of());
        request = new Object();
        calls.clear();

        // "Apply" with a SIREN: the text set, then the listener (the table's first row set to 0 as well), then the
        // table draws its count and its first page
        bean.setText("700010001");
        bean.modelToFirstPage();
        assertEquals(1, bean.getModel().count(Map.of()));
        assertEquals(1, bean.getModel().load(0, 25, Map.of(), Map.of()).size());
        assertEquals(List.of("700010001 from 0"), calls, "one call, for the first page");
    }

    @Test
    void a_filter_the_service_refuses_lists_nothing() throws Exception {
        asRequests();
        bean.setText("x".repeat(1_000_000));
        bean.modelToFirstPage();
        // the refusal reached the table's rendering, and the browser was sent to the error page
        assertEquals(0, bean.getModel().count(Map.of()));
        assertEquals(List.of(), bean.getModel().load(0, 25, Map.of(), Map.of()));
    }
}
