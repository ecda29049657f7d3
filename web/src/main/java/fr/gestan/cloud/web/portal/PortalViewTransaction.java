package fr.gestan.cloud.web.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Runs the reads of one view of the client dashboard in one transaction (docs/performance.md 4.31). Each module's
 * service call used to start a transaction of its own (the dashboard's tiles make about eight), and each took a
 * connection from the pool, which checks it with {@code select 1}
 * ({@code validate-on-match}, kept so that a database restart is survived), then ended with a {@code COMMIT}: two
 * round trips to the database per call besides the call's own statements, each of which, on a loaded machine, waits
 * for the database's process and then for this thread to be scheduled again. In one transaction the calls share one
 * connection: one check and one commit per view. Nothing else changes: each call still checks its caller's roles and
 * company, and a call that needs a transaction of its own ({@code REQUIRES_NEW}) still has one.
 *
 * <p>Only these views ({@link #VIEWS}), as plain GETs (the refresh button's and the export button's AJAX posts go
 * through as before), whose service calls are all reads that throw no exception marking a transaction for rollback
 * (the export list's does for a client linked to no company, the view's last call: nothing after it is left without
 * a transaction): one that did would leave the next calls of the view without a transaction to run in. A view whose transaction ends marked for rollback is rolled back, as
 * is one that fails. The client journal page is one of them since its journal reads (the newest checkpoint, the key
 * set: {@code JournalLog}) join a running transaction instead of each taking a connection of their own
 * (docs/performance.md 4.47; 4.31 had measured no gain while they did not).
 *
 * <p>The transaction is the container's ({@link ViewTransaction}, a {@code REQUIRED} method running the rest of the
 * chain; docs/performance.md 4.35): no transaction is begun or committed by hand. A transaction already running is
 * joined.
 */
@WebFilter(urlPatterns = "/portal/*", asyncSupported = true)
public class PortalViewTransaction extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * The views served in one transaction, by their paths inside the application: the dashboard, and the export page
     * (docs/performance.md 4.40), whose two reads, the header's company name ({@code TenantService.myCompanyName},
     * which throws nothing) and the list of exports, each took a transaction of their own; the client journal page
     * (4.47), whose company, checkpoint, key set and page each took a connection of their own; the company page (4.47),
     * whose four calls (the record, the change requests, the logins, the security contact) each took a transaction of
     * their own; its first call is the only one that refuses a client linked to no company, and none follows it then; the
     * logins page, the same bean's.
     */
    static final Set<String> VIEWS = Set.of("/portal/", "/portal/index.xhtml", "/portal/tenants/export.xhtml", "/portal/tenants/export",
            "/portal/security/journal.xhtml", "/portal/security/journal", "/portal/tenants/company.xhtml", "/portal/tenants/company",
            "/portal/tenants/accounts.xhtml", "/portal/tenants/accounts");

    @EJB
    transient ViewTransaction transaction;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!applies(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        Throwable failure = transaction.run(() -> chain.doFilter(request, response));
        if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof ServletException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new ServletException(failure);
        }
    }

    /** A plain GET of one of {@link #VIEWS}. */
    static boolean applies(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method)) && VIEWS.contains(path);
    }
}
