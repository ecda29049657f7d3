package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.common.runs.AfterResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Work a request deferred with {@link AfterResponse#run} (an export's build) starts after the response is closed,
 * whichever output the request wrote to; a request that deferred nothing keeps its response open for the container.
 */
class AfterResponseFilterTest {

    private final List<String> events = new ArrayList<>();
    private final AfterResponseFilter filter = new AfterResponseFilter();

    private HttpServletRequest request(boolean async) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> m.getName().equals("isAsyncStarted") ? async : null);
    }

    /** A response whose writer, or else its stream, records being closed (the other refused, as the servlet API does). */
    private HttpServletResponse response(boolean stream) {
        PrintWriter writer = new PrintWriter(new StringWriter()) {
            @Override
            public void close() {
                events.add("writer closed");
            }
        };
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
            }

            @Override
            public void close() {
                events.add("stream closed");
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getWriter" -> {
                        if (stream) {
                            throw new IllegalStateException("getOutputStream() was called");
                        }
                        yield writer;
                    }
                    case "getOutputStream" -> out;
                    default -> null;
                });
    }

    @Test
    void the_deferred_work_starts_after_the_page_is_closed() throws Exception {
        filter.doFilter(request(false), response(false), (req, res) -> {
            AfterResponse.run(() -> events.add("build dispatched"));
            events.add("page rendered");
        });
        assertEquals(List.of("page rendered", "writer closed", "build dispatched"), events);
    }

    @Test
    void an_api_response_written_to_its_stream_is_closed_too() throws Exception {
        filter.doFilter(request(false), response(true), (req, res) -> AfterResponse.run(() -> events.add("build dispatched")));
        assertEquals(List.of("stream closed", "build dispatched"), events);
    }

    @Test
    void a_request_that_deferred_nothing_is_left_open() throws Exception {
        filter.doFilter(request(false), response(false), (req, res) -> events.add("page rendered"));
        assertEquals(List.of("page rendered"), events);
    }

    @Test
    void a_failed_or_asynchronous_request_is_left_to_the_container_and_its_work_still_runs() throws Exception {
        assertThrows(IllegalStateException.class, () -> filter.doFilter(request(false), response(false), (req, res) -> {
            AfterResponse.run(() -> events.add("first build"));
            throw new IllegalStateException("render failed");
        }));
        filter.doFilter(request(true), response(false), (req, res) -> AfterResponse.run(() -> events.add("second build")));
        assertEquals(List.of("first build", "second build"), events);
    }
}
