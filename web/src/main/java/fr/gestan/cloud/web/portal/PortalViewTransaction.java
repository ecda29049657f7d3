package fr.gestan.cloud.web.portal;

import jakarta.annotation.Resource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 * <p>Only this view, as a plain GET (the refresh button's AJAX post goes through as before), whose service calls
 * are all reads that throw no exception marking a transaction for rollback: one that did would leave the next calls
 * of the view without a transaction to run in. A view whose transaction ends marked for rollback is rolled back, as
 * is one that fails. The client journal page was measured with it too and showed no gain (its journal reads run
 * outside any transaction, {@code JournalLog}): it is left out.
 */
@WebFilter(urlPatterns = "/portal/*", asyncSupported = true)
public class PortalViewTransaction extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PortalViewTransaction.class.getName());

    /** The view served in one transaction, by its two paths inside the application. */
    static final Set<String> VIEWS = Set.of("/portal/", "/portal/index.xhtml");

    @Resource
    transient UserTransaction transaction;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!applies(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                chain.doFilter(request, response);
                return;
            }
            transaction.begin();
        } catch (SystemException | jakarta.transaction.NotSupportedException e) {
            throw new ServletException("cannot begin the view's transaction", e);
        }
        boolean done = false;
        try {
            chain.doFilter(request, response);
            done = true;
        } finally {
            end(done);
        }
    }

    /** A plain GET of one of {@link #VIEWS}. */
    static boolean applies(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method)) && VIEWS.contains(path);
    }

    private void end(boolean done) throws ServletException {
        try {
            if (done && transaction.getStatus() == Status.STATUS_ACTIVE) {
                transaction.commit();
            } else if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            if (done) {
                throw new ServletException("cannot end the view's transaction", e);
            }
            LOG.log(Level.WARNING, "The view's transaction could not be rolled back after a failure", e);
        }
    }
}
