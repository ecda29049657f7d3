package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Test-only page of the journeys' EAR ({@link JourneyEar}), called by {@link SignInPolicyIT}. {@code ?change=idle,max,length,history}: an
 * administrator adds a policy version with these sign-in settings (idle minutes, longest session in hours, password
 * length and history), as the back office's policy page does; answers the former ones in the same form.
 * {@code ?session}: opens a session of the web module (its listeners run as for any page) and answers its idle timeout
 * in seconds, then closes it.
 */
@WebServlet("/it/sign-in-fixture")
public class SignInFixtureServlet extends FixtureServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AsAdmin admin;
    @EJB
    transient SecurityPolicies policies;

    @Override
    protected String answer(HttpServletRequest request) throws Exception {
        if (request.getParameter("change") != null) {
            String[] v = request.getParameter("change").split(",");
            PolicySettings before = policies.current().settings();
            admin.call(() -> policies.change(before.withSignIn(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]),
                    Integer.parseInt(v[3])), null, "sign-in settings test"));
            return before.sessionTimeoutMinutes() + "," + before.sessionMaxHours() + "," + before.passwordMinLength() + ","
                    + before.passwordHistory();
        }
        HttpSession session = request.getSession(true);
        String timeout = Integer.toString(session.getMaxInactiveInterval());
        session.invalidate();
        return timeout;
    }
}
