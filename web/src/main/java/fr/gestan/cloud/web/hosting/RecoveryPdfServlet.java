package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.RecoveryPlanPdf;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.web.http.Attachment;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Downloads a server's recovery plan as a PDF (staff only: under /admin, and the EJB checks the role), rendered by
 * the hosting module ({@link RecoveryPlans#planPdf}) in the user's language.
 */
@WebServlet("/admin/hosting/recovery.pdf")
public class RecoveryPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient RecoveryPlans plans;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long serverId;
        try {
            serverId = Long.parseLong(request.getParameter("server"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        RecoveryPlanPdf pdf;
        try {
            pdf = plans.planPdf(serverId, LanguageBean.fromCookies(request.getCookies()));
        } catch (HostingRefusedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Attachment.send(response, "application/pdf", pdf.fileName(), pdf.content());
    }
}
