package fr.gestan.cloud.web.portal;

import static fr.gestan.cloud.web.portal.DashboardCompanyReadsTest.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.MyHostingView;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.web.compliance.PortalCertificatesBean;
import fr.gestan.cloud.web.hosting.PortalHostingBean;
import jakarta.enterprise.context.RequestScoped;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The client dashboard's hosting and certificate tiles, in EJB calls (docs/performance.md, "client dashboard and journal
 * page"): the hosting tile's recovery and servers come from one call ({@code ServerStatus.myHosting}; two before, each
 * with the caller's tenancy asked again), the certificate tile reads the newest certificate only ({@code myLatest}; it
 * read the certificates page's list of up to 500).
 */
class DashboardTileCallsTest {

    private final List<String> asked = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> T recording(Class<T> type, Function<String, Object> answer) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            asked.add(m.getName());
            return answer.apply(m.getName());
        });
    }

    @Test
    void the_hosting_tile_reads_the_recovery_and_the_servers_in_one_call() throws Exception {
        MyRecoveryView recovery = new MyRecoveryView(1, "GC-PROD-01", "PAR2", 3, 12, 95, false);
        ComponentStatusView server = new ComponentStatusView(1, "GC-PROD-01", "PAR2", "Paris", ServerRole.PRODUCTION,
                ServerState.OPERATIONAL, List.of(), 100.0);
        PortalHostingBean bean = new PortalHostingBean();
        set(bean, "status", recording(ServerStatus.class, m -> new MyHostingView(List.of(recovery), List.of(server))));
        // as the tile is written: the recovery's repeat, then the servers' (each getter read more than once by EL)
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of(recovery), bean.getMyRecovery());
            assertEquals(List.of(server), bean.getMyServers());
        }
        assertEquals(List.of("myHosting"), asked);
    }

    @Test
    void the_dashboards_tile_beans_live_for_the_request_not_in_the_views_map() {
        // a view-scoped bean was made and kept in the view's map at every view; the refresh button now reads the tiles again
        for (Class<?> bean : List.of(PortalHomeBean.class, PortalHostingBean.class, PortalCertificatesBean.class)) {
            assertTrue(bean.isAnnotationPresent(RequestScoped.class), bean.getSimpleName());
        }
    }

    @Test
    void the_certificate_tile_reads_the_newest_certificate_only() throws Exception {
        PortalCertificatesBean tile = new PortalCertificatesBean();
        set(tile, "certificates", recording(Certificates.class, m -> Optional.empty()));
        assertNull(tile.getLatest());
        assertEquals("normal", tile.getTone());
        assertNull(tile.getLatest());
        assertEquals(List.of("myLatest"), asked, "one row, not the list");

        asked.clear();
        PortalCertificatesBean page = new PortalCertificatesBean();
        set(page, "certificates", recording(Certificates.class, m -> List.<CertificateView>of()));
        assertEquals(List.of(), page.getMine());
        assertNull(page.getLatest());
        assertEquals(List.of("mine"), asked, "the certificates page's list read once, its head the latest");
    }
}
