package fr.gestan.cloud.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client dashboard's view runs inside {@link ViewTransaction#run}, the container's {@code REQUIRED} transaction:
 * the filter and the bean are the real ones; the container is what the bean's {@link SessionContext} records (a
 * completed view leaves the transaction to commit, a failed one marks it for rollback and fails with its own exception).
 */
class PortalViewTransactionTest {

    private final List<String> calls = new ArrayList<>();
    private final PortalViewTransaction filter = new PortalViewTransaction();
    private final ViewTransaction bean = new ViewTransaction() {
        @Override
        public Throwable run(Work work) {
            calls.add("transaction");
            Throwable failure = super.run(work);
            calls.add(failure == null ? "commit" : "rollback");
            return failure;
        }
    };
    private boolean rollbackOnly;

    PortalViewTransactionTest() {
        bean.context = (SessionContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SessionContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setRollbackOnly" -> {
                        rollbackOnly = true;
                        yield null;
                    }
                    case "getRollbackOnly" -> rollbackOnly;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        filter.transaction = bean;
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
    void the_transaction_is_the_containers_required_one() throws Exception {
        assertNotNull(ViewTransaction.class.getAnnotation(Stateless.class));
        TransactionAttribute attribute = ViewTransaction.class.getMethod("run", ViewTransaction.Work.class)
                .getAnnotation(TransactionAttribute.class);
        assertEquals(TransactionAttributeType.REQUIRED, attribute.value());
        assertNotNull(PortalViewTransaction.class.getDeclaredField("transaction").getAnnotation(jakarta.ejb.EJB.class));
    }

    @Test
    void the_dashboard_the_export_journal_and_company_pages_run_in_one_transaction_committed_after_the_view() throws Exception {
        for (String uri : List.of("/portal/", "/portal/index.xhtml", "/portal/tenants/export.xhtml", "/portal/tenants/export",
                "/portal/security/journal.xhtml", "/portal/security/journal", "/portal/tenants/company.xhtml", "/portal/tenants/company",
                "/portal/tenants/accounts.xhtml")) {
            calls.clear();
            view("GET", uri, (rq, rs) -> calls.add("view"));
            assertEquals(List.of("transaction", "view", "commit"), calls, uri);
            assertFalse(rollbackOnly, uri);
        }
    }

    @Test
    void other_views_posts_and_downloads_go_through_as_before() throws Exception {
        for (String[] r : new String[][] {{"POST", "/portal/"}, {"POST", "/portal/security/journal.xhtml"},
                {"GET", "/portal/certificate.pdf"}, {"GET", "/portal/tenants/export-download"}, {"GET", "/portal/documents.xhtml"},
                {"POST", "/portal/tenants/export.xhtml"}, {"POST", "/portal/tenants/company.xhtml"}, {"POST", "/portal/tenants/accounts.xhtml"},
                {"GET", "/portal/tenants/users.xhtml"}}) {
            calls.clear();
            view(r[0], r[1], (rq, rs) -> calls.add("view"));
            assertEquals(List.of("view"), calls, r[0] + " " + r[1]);
        }
        assertFalse(PortalViewTransaction.applies("PUT", "/portal/"));
        assertTrue(PortalViewTransaction.applies("HEAD", "/portal/"));
    }

    @Test
    void a_failing_view_is_rolled_back_and_fails_with_its_own_exception() throws Exception {
        // a checked exception would not roll a container-managed transaction back by itself: the bean marks it
        List<Exception> failures = List.of(new IOException("client gone"), new ServletException("view failed"),
                new IllegalStateException("tile failed"));
        for (Exception failure : failures) {
            calls.clear();
            rollbackOnly = false;
            Exception thrown = assertThrows(Exception.class, () -> view("GET", "/portal/", (rq, rs) -> {
                calls.add("view");
                if (failure instanceof IOException io) {
                    throw io;
                } else if (failure instanceof ServletException se) {
                    throw se;
                }
                throw (RuntimeException) failure;
            }));
            assertSame(failure, thrown, "the view's own exception, not a wrapper");
            assertTrue(rollbackOnly, failure.toString());
            assertEquals(List.of("transaction", "view", "rollback"), calls);
        }
    }
}
