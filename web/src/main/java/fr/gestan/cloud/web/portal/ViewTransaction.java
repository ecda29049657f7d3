package fr.gestan.cloud.web.portal;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * One container-managed transaction around a piece of work (the client dashboard's view: {@link PortalViewTransaction}).
 * The container begins it (or joins the caller's) and commits it when {@link #run} returns; the work's failure, whatever
 * its kind, marks it for rollback and is handed back to the caller unchanged. A checked exception leaving a
 * container-managed method would not roll back (it is an application exception), and a runtime one would reach the
 * caller wrapped in an {@code EJBException}: returning the failure keeps the rollback and the exception's own type (the
 * error pages are chosen by it).
 */
@Stateless
@LocalBean
public class ViewTransaction {

    /** The work run in the transaction: the filter chain of one request. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException, ServletException;
    }

    @Resource
    SessionContext context;

    /** Runs {@code work} in a transaction; returns null when it completed, else its failure (the transaction then rolls back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Throwable run(Work work) {
        try {
            work.run();
            return null;
        } catch (IOException | ServletException | RuntimeException | Error e) {
            context.setRollbackOnly();
            return e;
        }
    }
}
