package fr.gestan.cloud.web.http;

import fr.gestan.cloud.security.api.TransportSecurity;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * "TLS required" is configuration, not a policy value: at start, the running configuration (the {@link HttpsOnly}
 * handler that keeps plain HTTP away from the application, the server's HTTPS listener read from the management
 * model, the HSTS header) is handed to the security module, which compares it with the policy's {@code tlsRequired}
 * and keeps it for the texts (/trust prints what runs). When the policy requires TLS and plain HTTP would reach the
 * application, the application refuses to start: it would otherwise serve in clear what every document says is encrypted.
 */
@WebListener
public class TlsCheck implements ServletContextListener {

    static final String HTTPS_ONLY_ATTRIBUTE = "fr.gestan.cloud.https-only";

    @EJB
    TransportSecurity transport;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean httpsOnly = Boolean.TRUE.equals(event.getServletContext().getAttribute(HTTPS_ONLY_ATTRIBUTE));
        transport.started(RunningTransportReader.read(httpsOnly, SecurityHeadersFilter.HSTS));
    }
}
