package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.ServerControls;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * Test-only page added to the web module by {@link CertificatesJourneyIT}: makes the demo company pass the blocking
 * rules on the shared test database (a verified backup of its production server, agreements for support staff that
 * other tests registered without one), as an administrator would through the back office.
 */
@WebServlet("/it/certificate-fixture")
public class CertificateFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

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
            SupportClearance.clearEverySupportMember(agreements, admin);
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }
}
