package fr.gestan.cloud.web.security;

import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.web.http.Attachment;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Downloads the signed PDF of an agreement ({@code ?id=}); the EJB checks the role and journals the download. */
@WebServlet("/admin/security/agreement-document")
public class AgreementDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ConfidentialityAgreements agreements;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            Attachment.send(response, "application/pdf", "agreement-" + id + ".pdf", agreements.document(Long.parseLong(id)));
        } catch (StaffException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
