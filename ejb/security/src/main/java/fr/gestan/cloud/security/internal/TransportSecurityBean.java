package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.TransportSecurity;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import java.util.logging.Logger;

/** The running transport configuration of this node, as the web module reported it at start. */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TransportSecurityBean implements TransportSecurity {

    private static final Logger LOG = Logger.getLogger(TransportSecurityBean.class.getName());

    @EJB
    SecurityPolicies policies;

    private volatile RunningTransport running;

    @Override
    public void started(RunningTransport running) {
        PolicyVersionView policy = policies.current();
        String refusal = running.refusal(policy == null || policy.settings().tlsRequired());
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        this.running = running;
        LOG.info(() -> "Transport: " + running + " (security policy version " + (policy == null ? "none" : policy.version())
                + ", TLS " + (policy == null || policy.settings().tlsRequired() ? "required" : "not required") + ")");
    }

    @Override
    public RunningTransport running() {
        return running;
    }
}
