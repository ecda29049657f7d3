package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.DocumentNotFoundException;
import fr.gestan.cloud.compliance.api.ProcessingRecord;
import fr.gestan.cloud.compliance.api.ProcessorAgreements;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.http.Attachment;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Compliance documents as PDF: the public trust statement ({@code /trust.pdf}), a contract's processor agreement
 * (the client's own under /portal, any tenant's for staff under /admin) and the record of processing (the
 * client's extract, or the whole record for staff). The EJBs decide who may read what.
 */
@WebServlet(urlPatterns = {"/trust.pdf", "/portal/documents/agreement.pdf", "/admin/documents/agreement.pdf",
        "/portal/documents/record.pdf", "/admin/documents/record.pdf"})
public class DocumentsPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient TrustStatement trust;
    @EJB
    transient ProcessorAgreements agreements;
    @EJB
    transient ProcessingRecord record;
    @EJB
    transient TenantService tenants;

    /** The public PDF is the same for everyone: built at most once a minute (anonymous requests cost no rendering). */
    private static final long TRUST_TTL_MS = 60_000;
    private static volatile byte[] trustPdf;
    private static volatile long trustBuiltAt;

    private byte[] trustPdf() {
        long now = System.currentTimeMillis();
        byte[] cached = trustPdf;
        if (cached == null || now - trustBuiltAt > TRUST_TTL_MS) {
            cached = trust.pdf();
            trustPdf = cached;
            trustBuiltAt = now;
        }
        return cached;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        byte[] pdf;
        String name;
        try {
            if (path.equals("/trust.pdf")) {
                pdf = trustPdf();
                name = "gestan-cloud-securite-confidentialite.pdf";
            } else if (path.endsWith("/record.pdf")) {
                pdf = record.pdf();
                name = path.startsWith("/portal") ? "registre-traitements-extrait.pdf" : "registre-traitements.pdf";
            } else {
                long contract = Long.parseLong(request.getParameter("contract"));
                String siren = path.startsWith("/portal") ? tenants.myCompany().siren() : request.getParameter("siren");
                if (siren == null || !siren.matches("\\d{9}")) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
                pdf = agreements.document(siren, contract);
                name = "contrat-sous-traitance-" + contract + ".pdf";
            }
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        } catch (DocumentNotFoundException | TenantNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (EJBException e) {
            if (e.getCause() instanceof DocumentNotFoundException) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            throw e;
        }
        Attachment.send(response, "application/pdf", name, pdf);
    }
}
