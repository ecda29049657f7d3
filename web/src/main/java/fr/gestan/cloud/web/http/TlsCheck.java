package fr.gestan.cloud.web.http;

import fr.gestan.cloud.security.api.TransportSecurity;
import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * "TLS required" is configuration, not a policy value: at start, the running configuration (the {@link HttpsOnly}
 * handler that keeps plain HTTP away from the application, the server's HTTPS listener read from the management
 * model, the HSTS header) is handed to the security module, which compares it with the policy's {@code tlsRequired}
 * and keeps it for the texts (/trust prints what runs). When the policy requires TLS and plain HTTP would reach the
 * application, the application refuses to start: it would otherwise serve in clear what every document says is encrypted.
 * <p>
 * Deployed while the server boots (from {@code deployments/}, as {@code ./run.sh} does), the management model answers
 * "not found" for the listener: it is then read again once the server runs, so that /trust states what it could not.
 */
@WebListener
public class TlsCheck implements ServletContextListener {

    static final String HTTPS_ONLY_ATTRIBUTE = "fr.gestan.cloud.https-only";
    static final int WAIT_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(TlsCheck.class.getName());

    @EJB
    TransportSecurity transport;
    @Resource
    ManagedExecutorService executor;

    private volatile Future<?> reading;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean httpsOnly = Boolean.TRUE.equals(event.getServletContext().getAttribute(HTTPS_ONLY_ATTRIBUTE));
        RunningTransport first = RunningTransportReader.booting(ManagementFactory.getPlatformMBeanServer())
                ? RunningTransportReader.unread(httpsOnly, SecurityHeadersFilter.HSTS)
                : RunningTransportReader.read(httpsOnly, SecurityHeadersFilter.HSTS);
        transport.started(first);
        if (first.httpsListener() == null) {
            reading = executor.submit(() -> readWhenRunning(httpsOnly));
        }
    }

    private void readWhenRunning(boolean httpsOnly) {
        try {
            if (!awaitModel(ManagementFactory.getPlatformMBeanServer(), WAIT_SECONDS)) {
                return;
            }
            RunningTransport again = RunningTransportReader.read(httpsOnly, SecurityHeadersFilter.HSTS);
            if (again.httpsListener() != null) {
                transport.started(again);
                LOG.info("The HTTPS listener was read once the server's boot was over");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the management model answers for the HTTPS listener (its {@code socketBinding}), asked every second for
     * at most {@code seconds}, once the server's root no longer says it is booting: while it boots the listener says
     * "not found", which is not an error, but WildFly logs each such read as one. False at once when there is no such
     * listener to ask for.
     */
    static boolean awaitModel(MBeanServer server, int seconds) throws InterruptedException {
        for (int i = 0; i <= seconds; i++) {
            try {
                if (RunningTransportReader.booting(server)) {
                    throw new IllegalStateException("booting");
                }
                Set<ObjectName> listeners = server.queryNames(new ObjectName(RunningTransportReader.HTTPS_LISTENERS), null);
                if (listeners.isEmpty()) {
                    return false;
                }
                server.getAttribute(listeners.iterator().next(), "socketBinding");
                return true;
            } catch (Exception notYet) {
                // the boot is not over: asked again
            }
            if (i < seconds) {
                Thread.sleep(1_000);
            }
        }
        return false;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Future<?> running = reading;
        if (running != null) {
            running.cancel(true);
        }
    }
}
