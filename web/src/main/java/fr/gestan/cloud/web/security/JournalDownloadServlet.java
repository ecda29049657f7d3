package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.http.Attachment;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Downloads for the journal: a client's export of its tenant's journal ({@code /portal/security/journal-export}),
 * staff exports ({@code /admin/security/journal-export}, whole journal or {@code ?tenant=SIREN}), and, publicly,
 * the checkpoint public key (the newest), the published checkpoint key set (every key with the tree sizes and dates
 * it signed, {@code /journal/journal-keys.txt}) and the offline verifier's source ({@code /journal/...}).
 */
@WebServlet(urlPatterns = {"/portal/security/journal-export", "/admin/security/journal-export",
        "/journal/journal-public-key.pem", "/journal/JournalVerifier.java", "/journal/journal-keys.txt"})
public class JournalDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient JournalIntegrity integrity;
    @EJB
    transient TenantService tenants;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        switch (request.getServletPath()) {
            case "/journal/journal-public-key.pem" -> {
                Attachment.headers(response, "application/x-pem-file", "journal-public-key.pem");
                response.getWriter().write(integrity.publicKeyPem());
            }
            case "/journal/journal-keys.txt" -> {
                Attachment.headers(response, "text/plain; charset=UTF-8", "journal-keys.txt");
                response.setHeader("Cache-Control", "no-cache");
                response.getWriter().write(integrity.keySet());
            }
            case "/journal/JournalVerifier.java" -> {
                Attachment.headers(response, "text/x-java-source; charset=UTF-8", "JournalVerifier.java");
                try (InputStream source = JournalVerifier.class.getResourceAsStream("verifier/JournalVerifier.java")) {
                    if (source == null) {
                        response.sendError(HttpServletResponse.SC_NOT_FOUND);
                        return;
                    }
                    source.transferTo(response.getOutputStream());
                }
            }
            case "/portal/security/journal-export" -> {
                String tenant;
                try {
                    tenant = tenants.myCompany().siren();
                } catch (TenantNotFoundException e) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                export(response, tenant);
            }
            default -> {
                String tenant = request.getParameter("tenant");
                if (tenant != null && !tenant.matches("\\d{9}")) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
                if (tenant == null && !(request.isUserInRole(Roles.AUDITOR) || request.isUserInRole(Roles.ADMIN))) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    return;
                }
                export(response, tenant);
            }
        }
    }

    private void export(HttpServletResponse response, String tenant) throws IOException {
        Attachment.headers(response, "text/tab-separated-values; charset=UTF-8", "journal-" + (tenant == null ? "all" : tenant) + ".tsv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        if (tenant == null) {
            integrity.exportAll(out);
        } else {
            integrity.exportTenant(tenant, out);
        }
        out.flush();
    }

}
