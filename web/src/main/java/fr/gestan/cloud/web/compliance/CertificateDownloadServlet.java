package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.web.http.DownloadServlet;
import fr.gestan.cloud.compliance.api.CertificateFile;
import fr.gestan.cloud.compliance.api.CertificateNotFoundException;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.web.http.Attachment;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Downloads a signed certificate ({@code ?number=GC-2026-000042}) exactly as issued: staff under /admin, a client
 * under /portal. The EJB confines a client to its own company's certificates and journals each download.
 */
@WebServlet({"/admin/compliance/certificate.pdf", "/portal/certificate.pdf"})
public class CertificateDownloadServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Certificates certificates;

    public CertificateDownloadServlet() {
        super("number", "[A-Za-z0-9-]{1,32}", CertificateNotFoundException.class);
    }

    @Override
    protected void send(String number, HttpServletRequest request, HttpServletResponse response) throws Exception {
        send(certificates.download(number), response);
    }

    static void send(CertificateFile file, HttpServletResponse response) throws IOException {
        Attachment.send(response, "application/pdf", file.fileName(), file.pdf());
    }
}
