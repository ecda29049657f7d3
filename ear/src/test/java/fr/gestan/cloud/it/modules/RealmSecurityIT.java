package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.RealmSecurity;
import fr.gestan.cloud.security.api.RealmSecurity.RealmBruteForceView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Keycloak realm through the admin client, against the suite's Keycloak: policy drift read back, the policy
 * applied, a locked-out user listed and unlocked (journaled). The lockout is produced from the test JVM.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmSecurityIT extends WithRoleCallers {

    static final String USER = "lockout.demo";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(RealmSecurityIT.class);
    }

    @EJB
    RealmSecurity realm;
    @EJB
    SecurityPolicies policies;
    @EJB
    JournalQuery journal;

    @Test
    @Order(1)
    @RunAsClient
    void a_user_is_locked_out_by_wrong_passwords() {
        KeycloakFixture.awaitReady();
        KeycloakFixture.unlock(USER);
        for (int i = 0; i < 6 && !KeycloakFixture.isLocked(USER); i++) {
            assertFalse(KeycloakFixture.passwordGrant(USER, "wrong-" + i).ok());
        }
        assertTrue(KeycloakFixture.isLocked(USER));
    }

    @Test
    @Order(2)
    void staff_see_the_locked_user_and_an_administrator_unlocks_it() throws Exception {
        assertTrue(auditor.call(() -> realm.lockedUsers(100)).stream().anyMatch(u -> u.username().equals(USER)
                && u.numFailures() >= 1), "the locked user is listed");
        // The failed sign-ins reach the journal from Keycloak's events, with the user tried and the source address.
        admin.call(realm::importSignInEvents);
        assertTrue(auditor.call(() -> journal.latest(50)).stream().anyMatch(e -> e.action().equals("SIGN_IN_FAILED")
                && e.actor().equals(USER) && e.outcome().equals("FAILURE") && e.sourceIp() != null),
                "failed sign-ins are journaled");
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> {
            realm.unlock(USER);
            return null;
        }));
        admin.call(() -> {
            realm.unlock(USER);
            return null;
        });
        assertTrue(auditor.call(() -> realm.lockedUsers(100)).stream().noneMatch(u -> u.username().equals(USER)));
        assertTrue(auditor.call(() -> journal.latest(5)).stream().anyMatch(e -> e.action().equals("USER_UNLOCKED")
                && e.target().equals(USER) && e.outcome().equals("SUCCESS") && e.actor().equals("admin.it")));
    }

    @Test
    @Order(3)
    @RunAsClient
    void the_unlock_reached_keycloak() {
        assertFalse(KeycloakFixture.isLocked(USER));
    }

    @Test
    @Order(4)
    void policy_drift_shows_and_applying_the_policy_writes_the_realm() throws Exception {
        PolicySettings original = policies.current().settings();
        try {
            PolicySettings changed = withFailureFactor(original, original.bruteForceFailureFactor() == 7 ? 8 : 7);
            admin.call(() -> policies.change(changed, null, "drift test"));
            RealmBruteForceView before = auditor.call(realm::bruteForce);
            assertFalse(before.inLine());
            assertTrue(before.drift().stream().anyMatch(c -> c.setting().equals("bruteForceFailureFactor")), before::toString);

            RealmBruteForceView applied = admin.call(realm::applyPolicy);
            assertTrue(applied.inLine(), applied::toString);
            assertEquals(changed.bruteForceFailureFactor(), auditor.call(realm::bruteForce).failureFactor());
            assertThrows(EJBAccessException.class, () -> auditor.call(realm::applyPolicy));
        } finally {
            // Back to the realm's original values (other suites expect five failures before a lockout).
            admin.call(() -> policies.change(withFailureFactor(original, 5), null, "restore after drift test"));
            admin.call(realm::applyPolicy);
        }
        assertEquals(5, auditor.call(realm::bruteForce).failureFactor());
    }

    private static PolicySettings withFailureFactor(PolicySettings s, int factor) {
        return new PolicySettings(factor, s.bruteForceWaitIncrementSeconds(), s.bruteForceMaxWaitSeconds(),
                s.bruteForceMaxDeltaSeconds(), s.bruteForcePermanentLockout(), s.credentialMinLength(), s.credentialMinClasses(),
                s.sessionTimeoutMinutes(), s.tlsRequired(), s.backupEveryHours(), s.backupRetentionDays(),
                s.snapshotBeforeUpdate(), s.monitorCpuPercent(), s.monitorDiskPercent());
    }
}
