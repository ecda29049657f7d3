package fr.gestan.cloud.web.signin;

import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Idle sessions close after the security policy's {@code sessionTimeoutMinutes}, the value /trust, the agreements and
 * the certificates print (web.xml's 30 minutes is only the default when no policy can be read). Read when each
 * session starts: a policy change applies to the sessions opened after it.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    @EJB
    SecurityPolicies policies;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        PolicyVersionView policy;
        try {
            policy = policies.current();
        } catch (RuntimeException e) {
            return; // database unavailable: web.xml's default applies, the request itself answers the outage
        }
        if (policy != null) {
            event.getSession().setMaxInactiveInterval(seconds(policy.settings().sessionTimeoutMinutes()));
        }
    }

    static int seconds(int minutes) {
        return Math.multiplyExact(minutes, 60);
    }
}
