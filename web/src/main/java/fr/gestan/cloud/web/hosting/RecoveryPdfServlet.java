package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.web.http.IdDownloadServlet;
import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.hosting.api.RecoveryPlanPdf;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.web.http.Attachment;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Downloads a server's recovery plan as a PDF (staff only: under /admin, and the EJB checks the role), rendered by
 * the hosting module ({@link RecoveryPlans#planPdf}) in the user's language.
 */
@WebServlet("/admin/hosting/recovery.pdf")
public class RecoveryPdfServlet extends IdDownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient RecoveryPlans plans;

    public RecoveryPdfServlet() {
        super("server", HostingRefusedException.class);
    }

    @Override
    protected void send(long server, HttpServletRequest request, HttpServletResponse response) throws Exception {
        RecoveryPlanPdf pdf = plans.planPdf(server, LanguageBean.fromCookies(request.getCookies()));
        Attachment.send(response, "application/pdf", pdf.fileName(), pdf.content());
    }
}
