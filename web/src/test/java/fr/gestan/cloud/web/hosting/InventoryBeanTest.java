package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.InventoryPage;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.ServerPage;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.i18n.Labels;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inventory opens with one service call (one transaction: docs/performance.md, "staff pages (pages9s)"): the
 * operators, the data centres, and the servers' page of the address ({@code ?page=}, {@code ?size=}: plain links since
 * "hosting pages (pages11h)") that the alerts card and the table's count and load show.
 */
class InventoryBeanTest {

    private final List<String> calls = new ArrayList<>();
    private final ServerView degraded = server(1, "GC-PROD-01", ServerState.DEGRADED_PERFORMANCE);
    private final ServerPage first = new ServerPage(30, List.of(degraded, server(2, "GC-PROD-02", ServerState.OPERATIONAL)),
            List.of(degraded));
    private final ServerPage second = new ServerPage(30, List.of(server(26, "GC-PROD-26", ServerState.OPERATIONAL)), List.of(degraded));
    private final List<OperatorView> operators = List.of(new OperatorView(1, "Scaleway", "SAS", "FR", "Iliad", "FR",
            BigDecimal.ZERO, BigDecimal.ZERO, null, List.of()));
    private final List<DataCentreView> dataCentres = List.of(new DataCentreView(1, "PAR2", "Saint-Ouen", "FR", "Scaleway"));
    private final InventoryBean bean = new InventoryBean();
    private boolean pastTheEnd;

    InventoryBeanTest() {
        bean.inventory = (HostingInventory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HostingInventory.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : List.of(args)));
                    return switch (method.getName()) {
                        case "inventoryPage" -> new InventoryPage(operators, dataCentres,
                                pastTheEnd ? new ServerPage(30, List.of(), List.of(degraded)) : (Integer) args[0] == 0 ? first : second);
                        case "serverPage" -> (Integer) args[0] == 0 ? first : second;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        bean.label = new Labels() {
            @Override
            public String of(Object value) {
                return String.valueOf(value);
            }
        };
    }

    private static ServerView server(long id, String name, ServerState state) {
        return new ServerView(id, name, "PAR2", "Saint-Ouen", ServerRole.PRODUCTION, "8 vCPU", 100, 40, state);
    }

    @Test
    void a_view_reads_what_it_shows_in_one_call() {
        bean.open(null, null);
        assertSame(operators, bean.getOperators());
        assertSame(dataCentres, bean.getDataCentres());
        assertEquals(List.of(degraded), bean.getAlerts());
        assertEquals(List.of("GC-PROD-01", "GC-PROD-02"), bean.getRows().stream().map(InventoryRow::name).toList());
        assertEquals(1, bean.getPage());
        assertEquals(2, bean.getPageCount(), "30 servers, 25 a page");
        assertEquals(List.of("inventoryPage[0, 25]"), calls, "one call for the operators, the data centres, the page and its alerts");
    }

    @Test
    void another_page_is_the_addresss_and_still_one_call() {
        bean.open("2", null);
        assertEquals(List.of("GC-PROD-26"), bean.getRows().stream().map(InventoryRow::name).toList());
        assertEquals(2, bean.getPage());
        assertEquals(List.of("inventoryPage[25, 25]"), calls);
    }

    @Test
    void the_rows_a_page_are_25_50_or_100() {
        bean.open("1", "50");
        assertEquals(50, bean.getSize());
        assertEquals(1, bean.getPageCount(), "30 servers, 50 a page");
        bean.open("1", "30");
        assertEquals(25, bean.getSize(), "another size is the default");
        bean.open("x", "-1");
        assertEquals(1, bean.getPage());
        assertEquals(25, bean.getSize());
        assertEquals(List.of("inventoryPage[0, 50]", "inventoryPage[0, 25]", "inventoryPage[0, 25]"), calls);
    }

    @Test
    void a_page_past_the_end_is_the_last_page() {
        pastTheEnd = true;
        bean.open("99999999999", null);
        assertEquals(2, bean.getPage());
        assertEquals(List.of("GC-PROD-26"), bean.getRows().stream().map(InventoryRow::name).toList());
        assertEquals(List.of("inventoryPage[" + (InventoryBean.MAX_PAGE - 1) * 25 + ", 25]", "serverPage[25, 25]"), calls);
    }
}
