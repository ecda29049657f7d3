package fr.gestan.cloud.web.security;

import fr.gestan.cloud.web.http.IdDownloadServlet;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.web.http.Attachment;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Downloads the signed PDF of an agreement ({@code ?id=}); the EJB checks the role and journals the download. */
@WebServlet("/admin/security/agreement-document")
public class AgreementDocumentServlet extends IdDownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ConfidentialityAgreements agreements;

    public AgreementDocumentServlet() {
        super("id", StaffException.class);
    }

    @Override
    protected void send(long id, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Attachment.send(response, "application/pdf", "agreement-" + id + ".pdf", agreements.document(id));
    }
}
