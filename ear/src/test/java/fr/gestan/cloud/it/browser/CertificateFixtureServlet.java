package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.StaffMemberView;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Test-only page added to the web module by {@link CertificatesJourneyIT}: makes the demo company pass the blocking
 * rules on the shared test database (a verified backup of its production server, agreements for support staff that
 * other tests registered without one), as an administrator would through the back office.
 */
@WebServlet("/it/certificate-fixture")
public class CertificateFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @EJB
    transient AsAdmin admin;
    @EJB
    transient ServerControls controls;
    @EJB
    transient ConfidentialityAgreements agreements;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            admin.call(() -> controls.recordBackup("GC-PROD-01", Instant.now().minusSeconds(1800), 40_000_000_000L, "DC5", true));
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            for (StaffMemberView s : admin.call(() -> agreements.staff(0, 500))) {
                if (Roles.SUPPORT.equals(s.role()) && !s.cleared()) {
                    admin.call(() -> agreements.recordAgreement(s.username(), today.minusDays(1), today.plusYears(1), "accord.pdf", PDF));
                }
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }
}
