package fr.gestan.cloud.web.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportView;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The export page's list after a start: the started export first, without reading the list again. */
class PortalExportBeanTest {

    private static ExportView export(long id, ExportView.State state) {
        return new ExportView(id, "842317653", "client.demo", Instant.ofEpochSecond(id), state, 0, null, 0, null, null, null, null);
    }

    @Test
    void the_started_export_comes_first_and_the_list_stays_within_the_services_bound() {
        List<ExportView> full = LongStream.rangeClosed(1, DataExports.RECENT).map(i -> DataExports.RECENT + 1 - i)
                .mapToObj(i -> export(i, ExportView.State.READY)).toList();
        List<ExportView> after = PortalExportBean.withStarted(export(11, ExportView.State.RUNNING), full);
        assertEquals(DataExports.RECENT, after.size());
        assertEquals(List.of(11L, 10L, 9L), after.stream().limit(3).map(ExportView::id).toList());
        assertEquals(2L, after.get(after.size() - 1).id(), "the oldest shown before drops out");
    }

    @Test
    void a_first_export_makes_a_list_of_one_and_the_running_state_shows() {
        PortalExportBean bean = new PortalExportBean();
        assertEquals(false, bean.isExportRunning());
        List<ExportView> after = PortalExportBean.withStarted(export(1, ExportView.State.RUNNING), List.of());
        assertEquals(List.of(1L), after.stream().map(ExportView::id).toList());
    }

    @Test
    void an_export_already_listed_is_not_listed_twice() {
        List<ExportView> after = PortalExportBean.withStarted(export(3, ExportView.State.RUNNING),
                List.of(export(3, ExportView.State.RUNNING), export(2, ExportView.State.READY)));
        assertEquals(List.of(3L, 2L), after.stream().map(ExportView::id).toList());
    }

    @Test
    void the_poll_slows_down_as_a_running_export_ages_and_stays_at_a_second_for_a_young_one() {
        Instant start = Instant.ofEpochSecond(1_000);
        ExportView running = new ExportView(7, "842317653", "client.demo", start, ExportView.State.RUNNING, 0, null, 0, null, null, null, null);
        List<ExportView> list = List.of(running, export(6, ExportView.State.READY));
        assertEquals(1, PortalExportBean.pollSeconds(list, start.plusSeconds(1)));
        assertEquals(1, PortalExportBean.pollSeconds(list, start.plusSeconds(9)));
        assertEquals(2, PortalExportBean.pollSeconds(list, start.plusSeconds(10)));
        assertEquals(4, PortalExportBean.pollSeconds(list, start.plusSeconds(22)));
        assertEquals(PortalExportBean.POLL_MAX_SECONDS, PortalExportBean.pollSeconds(list, start.plusSeconds(600)));
        assertEquals(1, PortalExportBean.pollSeconds(List.of(export(6, ExportView.State.READY)), start.plusSeconds(600)));
        // the bean's own clock: a minute into its export the page polls every five seconds, not every second
        PortalExportBean bean = new PortalExportBean();
        bean.clock = java.time.Clock.fixed(start.plusSeconds(60), java.time.ZoneOffset.UTC);
        assertEquals(1, bean.getPollSeconds());
        bean.exports = (DataExports) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataExports.class}, (proxy, m, args) -> m.getName().equals("mine") ? list : null);
        bean.refreshExports();
        assertEquals(5, bean.getPollSeconds());
    }
}
