package fr.gestan.cloud.common.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work deferred until the response is complete: after it inside a request's scope, at once outside one. */
class AfterResponseTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void inside_a_request_the_work_runs_after_the_response_is_completed() {
        AfterResponse.Scope scope = AfterResponse.open();
        AfterResponse.run(() -> events.add("build dispatched"));
        events.add("page rendered");
        scope.close(() -> events.add("response completed"));
        assertEquals(List.of("page rendered", "response completed", "build dispatched"), events);
        // the scope is gone with its request: the thread's next work runs at once
        AfterResponse.run(() -> events.add("outside"));
        assertEquals("outside", events.get(3));
    }

    @Test
    void outside_a_request_the_work_runs_at_once() {
        AfterResponse.run(() -> events.add("build dispatched"));
        events.add("returned");
        assertEquals(List.of("build dispatched", "returned"), events);
    }

    @Test
    void a_request_that_queued_nothing_leaves_its_response_to_the_container() {
        AfterResponse.open().close(() -> events.add("response completed"));
        assertEquals(List.of(), events);
    }

    @Test
    void the_work_runs_when_the_request_failed_or_the_client_went_away() {
        AfterResponse.Scope failed = AfterResponse.open();
        AfterResponse.run(() -> events.add("first build"));
        failed.close(null);
        AfterResponse.Scope gone = AfterResponse.open();
        AfterResponse.run(() -> events.add("second build"));
        gone.close(() -> {
            throw new java.io.IOException("broken pipe");
        });
        assertEquals(List.of("first build", "second build"), events);
    }

    @Test
    void a_nested_scope_joins_the_outer_one() {
        AfterResponse.Scope outer = AfterResponse.open();
        AfterResponse.Scope inner = AfterResponse.open();
        AfterResponse.run(() -> events.add("build dispatched"));
        inner.close(() -> events.add("inner completed"));
        assertEquals(List.of(), events);
        outer.close(() -> events.add("response completed"));
        assertEquals(List.of("response completed", "build dispatched"), events);
    }
}
