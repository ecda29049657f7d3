package fr.gestan.cloud.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalViewTransactionTest {

    private final List<String> calls = new ArrayList<>();
    private int status = Status.STATUS_NO_TRANSACTION;
    private final PortalViewTransaction filter = new PortalViewTransaction();

    PortalViewTransactionTest() {
        filter.transaction = (UserTransaction) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserTransaction.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> status;
                    case "begin" -> {
                        calls.add("begin");
                        status = Status.STATUS_ACTIVE;
                        yield null;
                    }
                    case "commit", "rollback" -> {
                        calls.add(method.getName());
                        status = Status.STATUS_NO_TRANSACTION;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletRequest get(String method, String uri) {
        Map<String, Object> answers = Map.of("getMethod", method, "getRequestURI", "/ctx" + uri, "getContextPath", "/ctx");
        return (HttpServletRequest) Proxy.newProxyInstance(PortalViewTransactionTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> answers.get(m.getName()));
    }

    private void view(String method, String uri, FilterChain chain) throws Exception {
        filter.doFilter(get(method, uri), (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> null), chain);
    }

    @Test
    void the_dashboard_runs_in_one_transaction_committed_after_the_view() throws Exception {
        for (String uri : List.of("/portal/", "/portal/index.xhtml")) {
            calls.clear();
            view("GET", uri, (rq, rs) -> calls.add("view in " + (status == Status.STATUS_ACTIVE ? "transaction" : "none")));
            assertEquals(List.of("begin", "view in transaction", "commit"), calls, uri);
        }
    }

    @Test
    void other_views_posts_and_downloads_go_through_as_before() throws Exception {
        for (String[] r : new String[][] {{"POST", "/portal/"}, {"POST", "/portal/security/journal.xhtml"},
                {"GET", "/portal/security/journal.xhtml"}, {"GET", "/portal/certificate.pdf"}, {"GET", "/portal/tenants/export-download"}, {"GET", "/portal/documents.xhtml"}}) {
            calls.clear();
            view(r[0], r[1], (rq, rs) -> calls.add("view"));
            assertEquals(List.of("view"), calls, r[0] + " " + r[1]);
        }
        assertFalse(PortalViewTransaction.applies("PUT", "/portal/"));
        assertTrue(PortalViewTransaction.applies("HEAD", "/portal/"));
    }

    @Test
    void a_view_marked_for_rollback_or_failing_is_rolled_back() throws Exception {
        view("GET", "/portal/", (rq, rs) -> status = Status.STATUS_MARKED_ROLLBACK);
        assertEquals(List.of("begin", "rollback"), calls);
        calls.clear();
        assertThrows(IllegalStateException.class, () -> view("GET", "/portal/", (rq, rs) -> {
            throw new IllegalStateException("tile failed");
        }));
        assertEquals(List.of("begin", "rollback"), calls);
    }

    @Test
    void a_transaction_already_running_is_joined_not_ended() throws Exception {
        status = Status.STATUS_ACTIVE;
        view("GET", "/portal/", (rq, rs) -> calls.add("view"));
        assertEquals(List.of("view"), calls);
        assertEquals(Status.STATUS_ACTIVE, status);
    }
}
