package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportNotFoundException;
import fr.gestan.cloud.tenants.api.ExportView;
import fr.gestan.cloud.web.http.Attachment;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Plain (non-AJAX) download of an export ZIP: {@code /portal/tenants/export-download?id=} for the client (its own exports
 * only, checked by the EJB) and {@code /admin/tenants/export-download?id=} for staff. Streamed; journaled by the service.
 */
@WebServlet(urlPatterns = {"/portal/tenants/export-download", "/admin/tenants/export-download"})
public class ExportDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient DataExports exports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            ExportView export = exports.get(id);
            if (!export.ready()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            Attachment.headers(response, "application/zip", export.fileName());
            response.setContentLengthLong(export.sizeBytes());
            exports.download(id, response.getOutputStream());
        } catch (ExportNotFoundException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        }
    }
}
