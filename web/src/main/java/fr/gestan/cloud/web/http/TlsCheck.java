package fr.gestan.cloud.web.http;

import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * "TLS required" is configuration, not a policy value: at start, the policy's {@code tlsRequired} is compared with
 * the running configuration (the {@link HttpsOnly} handler that keeps plain HTTP away from the application). When
 * the policy requires TLS and the handler is not installed, the application refuses to start: it would otherwise
 * serve in clear what every document says is encrypted.
 */
@WebListener
public class TlsCheck implements ServletContextListener {

    static final String HTTPS_ONLY_ATTRIBUTE = "fr.gestan.cloud.https-only";
    private static final Logger LOG = Logger.getLogger(TlsCheck.class.getName());

    @EJB
    SecurityPolicies policies;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean running = Boolean.TRUE.equals(event.getServletContext().getAttribute(HTTPS_ONLY_ATTRIBUTE));
        if (running) {
            // nothing to compare: whatever the policy says, plain HTTP never reaches the application
            LOG.info("TLS: plain HTTP is refused (HTTPS only), as the security policy requires.");
            return;
        }
        PolicyVersionView policy = policies.current();
        String problem = problem(policy == null || policy.settings().tlsRequired(), false);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        LOG.warning("TLS: plain HTTP is served; the security policy does not require TLS.");
    }

    /** Why the start is refused ({@code null}: it is not). */
    static String problem(boolean policyRequiresTls, boolean httpsOnlyRunning) {
        return policyRequiresTls && !httpsOnlyRunning
                ? "The security policy requires TLS but the HTTPS-only handler is not installed: refusing to start." : null;
    }
}
