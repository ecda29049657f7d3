package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.view.ViewScoped;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inventory's plain view makes no view-scoped bean (docs/performance.md, "staff pages' render cost (staff21)"): what
 * it shows is {@link InventoryBean}'s, request-scoped; the administrators' forms and one server's metrics are
 * {@link InventoryFormsBean}'s, named only where the page builds a form or the metrics card.
 */
class InventoryFormsBeanTest {

    private static final Path PAGE = Path.of("src/main/webapp/admin/hosting/index.xhtml");
    /** A block built only for a form ({@code ?form=}) or a server's metrics ({@code ?server=}). */
    private static final Pattern ON_DEMAND = Pattern.compile("(?s)<c:if test=\"#\\{(param\\.form eq '[a-z]+'|not empty param\\.server)}\">.*?</c:if>");

    private final List<String> calls = new ArrayList<>();
    private final InventoryFormsBean forms = new InventoryFormsBean();

    InventoryFormsBeanTest() {
        forms.page = new InventoryBean();
        forms.inventory = service(HostingInventory.class);
        forms.monitoring = service(Monitoring.class);
    }

    @SuppressWarnings("unchecked")
    private <T> T service(Class<T> type) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.add(method.getName() + (args == null ? "" : List.of(args)));
            return switch (method.getName()) {
                case "server" -> new ServerView((Long) args[0], "GC-BKP-02", "PAR2", "Saint-Ouen", ServerRole.BACKUP, "8 vCPU", 0, 0,
                        ServerState.OPERATIONAL);
                case "recent" -> List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            };
        });
    }

    @Test
    void the_plain_view_reads_a_request_scoped_bean_and_the_forms_bean_is_named_only_where_a_form_is_built() throws IOException {
        assertTrue(InventoryBean.class.isAnnotationPresent(RequestScoped.class));
        assertTrue(InventoryFormsBean.class.isAnnotationPresent(ViewScoped.class));
        String page = Files.readString(PAGE);
        assertTrue(page.contains("#{inventoryFormsBean.addServer}"), "the page uses the forms' bean");
        String plain = ON_DEMAND.matcher(page).replaceAll("");
        List<String> left = new ArrayList<>();
        Matcher m = Pattern.compile("[^\\n]*inventoryFormsBean[^\\n]*").matcher(plain);
        while (m.find()) {
            left.add(m.group().strip());
        }
        assertEquals(List.of("<f:viewAction action=\"#{inventoryFormsBean.loadServer}\" if=\"#{not empty param.server}\"/>"), left,
                "outside the forms and the metrics card, only the metrics' view action, and only with ?server=");
    }

    @Test
    void a_view_without_a_server_reads_no_metrics() {
        forms.loadServer();
        assertEquals(List.of(), calls);
        assertNull(forms.getMetricsServer());
    }

    @Test
    void the_server_of_the_address_is_read_with_its_metrics() {
        forms.page.setMetricsServerId(7L);
        forms.loadServer();
        assertEquals(List.of("server[7]", "recent[7, 60]"), calls);
        assertNotNull(forms.getMetricsServer());
        assertEquals(List.of(), forms.getMetrics());
    }
}
