package fr.gestan.cloud.web.http;

import fr.gestan.cloud.common.log.LogSafe;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replaces Undertow's default handling of an exception that escaped a servlet (it logged each at ERROR with the
 * full stack trace, "UT005023", before the error page ran; a refused role on a page cost about 120 lines). What
 * the visitor caused (a refused role, an expired view, a malformed request) is logged at FINE; a genuine error
 * once, with an escaped, truncated message and a bounded trace. The error pages then run as before (we return
 * {@code false}: not handled here). Registered in {@code META-INF/services/io.undertow.servlet.ServletExtension}.
 */
public class SafeExceptionLogging implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(SafeExceptionLogging.class.getName());
    private static final Set<String> CLIENT_CAUSED = Set.of("jakarta.ejb.EJBAccessException",
            "jakarta.faces.application.ViewExpiredException", "jakarta.validation.ConstraintViolationException",
            "fr.gestan.cloud.web.http.ServiceUnavailable");

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.setExceptionHandler((exchange, request, response, error) -> {
            log(request instanceof HttpServletRequest http ? http.getMethod() + " " + http.getRequestURI() : "", error);
            return false;
        });
    }

    static void log(String where, Throwable error) {
        if (fr.gestan.cloud.common.persistence.DatabaseOutage.isCause(error)) {
            LOG.warning("Request " + LogSafe.text(where, 150) + " found the database unreachable: answered 503");
        } else if (clientCaused(error)) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("Request " + LogSafe.text(where, 150) + " refused: " + error.getClass().getSimpleName());
            }
        } else {
            LOG.log(Level.SEVERE, "Request " + LogSafe.text(where, 150) + " failed: " + LogSafe.trace(error, 12));
        }
    }

    static boolean clientCaused(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 50; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (CLIENT_CAUSED.contains(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
