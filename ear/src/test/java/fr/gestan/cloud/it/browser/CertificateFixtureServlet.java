package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Test-only page of the journeys' EAR ({@link JourneyEar}), called by {@link CertificatesJourneyIT}: makes the demo company pass the blocking
 * rules on the shared test database (agreements for support staff that other tests registered without one; the
 * evidence of its server comes through the agent API, {@link CertificatesJourneyIT#reportDemoEvidence()}), as an administrator would through the back office.
 */
@WebServlet("/it/certificate-fixture")
public class CertificateFixtureServlet extends FixtureServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AsAdmin admin;
    @EJB
    transient ConfidentialityAgreements agreements;

    @Override
    protected String answer(HttpServletRequest request) throws Exception {
        // the demo support engineer, who signs in to the journeys, is a registered and cleared staff member
        boolean registered = admin.call(() -> agreements.staff(0, 500)).stream()
                .anyMatch(s -> "support.demo".equals(s.username()));
        if (!registered) {
            admin.call(() -> agreements.registerStaff(
                    new fr.gestan.cloud.security.api.NewStaffMember("support.demo", "Support démo", "support")));
        }
        SupportClearance.clearEverySupportMember(agreements, admin);
        return "ok";
    }
}
