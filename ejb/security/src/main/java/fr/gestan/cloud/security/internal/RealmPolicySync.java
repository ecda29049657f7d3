package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.RealmSecurity.RealmBruteForceView;
import fr.gestan.cloud.security.api.RealmUnavailableException;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import fr.gestan.cloud.common.lease.OnEveryNode;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Keeps the Keycloak realm on the security policy in effect: at start, when a version comes into effect (checked
 * every {@value #DEFAULT_SECONDS} s, system property {@value #PROPERTY}, 0 disables), and right after an administrator
 * adds a version effective now ({@link #pushSoon()}, a timer that only starts if that transaction commits). The realm
 * is read first and written only when it differs; a write is journaled ({@code REALM_POLICY_APPLIED}, actor
 * {@value #ACTOR}). Keycloak unreachable: retried at the next run. A realm changed by hand afterwards shows as drift
 * on the back office's lockouts page until an administrator applies the policy again.
 */
@Startup
@Singleton
@DependsOn("SecuritySchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
@RunAs(Roles.ADMIN)
@RunAsPrincipal(RealmPolicySync.ACTOR)
public class RealmPolicySync extends JournaledService {

    static final String ACTOR = "gestan-policy";
    static final String PROPERTY = "gestan.keycloak.policy-sync-seconds";
    static final int DEFAULT_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(RealmPolicySync.class.getName());

    @Resource
    TimerService timers;

    @EJB
    SecurityPolicies policies;

    /**
     * The policy version last brought to the realm on this node ({@code 0}: none yet). A push that leaves a difference
     * is journaled as failed once, and shows as drift; it is not retried every minute.
     */
    private int handled;
    private boolean failing;

    @PostConstruct
    void schedule() {
        long seconds = Long.getLong(PROPERTY, DEFAULT_SECONDS);
        if (seconds > 0) {
            // the first run a few seconds after start: the deployment does not wait for Keycloak
            timers.createIntervalTimer(5_000, seconds * 1000, new TimerConfig("realm-policy", false));
        }
    }

    /** After the caller's transaction commits (a new version effective now), the realm is brought in line. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void pushSoon() {
        timers.createSingleActionTimer(0, new TimerConfig("realm-policy-now", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @OnEveryNode(why = "reads the realm first and writes only what differs from the policy: the node that comes second finds"
            + " nothing to write (only two nodes reading at the same instant would both write the same values)")
    synchronized void run() {
        PolicyVersionView policy = policies.current();
        if (policy.version() == handled) {
            return;
        }
        try {
            RealmBruteForceView realm = RealmSecurityBean.withRealm(r -> RealmSecurityBean.view(r.toRepresentation(), policy.settings()));
            if (!realm.inLine()) {
                realm = RealmSecurityBean.push(policy.settings());
                journal.record(RealmSecurityBean.pushed(policy.version(), realm));
                LOG.info(() -> "Keycloak realm " + KeycloakAdmin.realm() + " set to security policy version " + policy.version());
            }
            handled = policy.version();
            failing = false;
        } catch (RealmUnavailableException e) {
            if (!failing) {
                failing = true;
                LOG.warning(() -> "The Keycloak realm could not be set to security policy version " + policy.version()
                        + " (retried every interval): " + e.getMessage());
            }
        }
    }
}
