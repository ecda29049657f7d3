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
}
