package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.common.runs.AfterResponse;
import fr.gestan.cloud.tenants.api.ExportView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Starting an export commits its row and journal entry at once, and dispatches its background build only once the
 * request's response is complete (docs/performance.md): the build no longer competes with the response's render.
 */
class ExportDispatchTest {

    private final List<String> events = new ArrayList<>();
    private final DataExportsBean bean = new DataExportsBean() {
        @Override
        protected String actor() {
            return "client.demo";
        }
    };

    ExportDispatchTest() {
        bean.store = new ExportStore() {
            @Override
            public ExportView create(long tenantId, String siren, String requestedBy) {
                events.add("row and EXPORT_STARTED committed for " + siren + " by " + requestedBy);
                return new ExportView(41, siren, requestedBy, Instant.EPOCH, ExportView.State.RUNNING, 0, null, 0, null, null, null, null);
            }
        };
        bean.worker = new ExportWorker() {
            @Override
            public void build(long exportId) {
                events.add("build " + exportId + " dispatched");
            }
        };
    }

    @Test
    void in_a_request_the_build_is_dispatched_after_the_response() {
        AfterResponse.Scope request = AfterResponse.open();
        ExportView started = bean.startFor(7, "842317653");
        events.add("page rendered with export " + started.id());
        request.close(() -> events.add("response complete"));
        assertEquals(List.of("row and EXPORT_STARTED committed for 842317653 by client.demo", "page rendered with export 41",
                "response complete", "build 41 dispatched"), events);
    }

    @Test
    void outside_a_request_the_build_is_dispatched_at_once() {
        bean.startFor(7, "842317653");
        assertEquals(List.of("row and EXPORT_STARTED committed for 842317653 by client.demo", "build 41 dispatched"), events);
    }
}
