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
import java.util.List;
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
 * The Keycloak realm through the admin client, against the suite's Keycloak: a realm changed by hand shows as drift
 * and the policy applied writes it back, a new policy version reaches the realm by itself, a locked-out user listed
 * and unlocked (journaled). The lockout and the hand change are made from the test JVM.
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
        // the dashboard's tile keeps its answer for 30 s: read now, it lists the user too
        assertTrue(auditor.call(() -> realm.recentLockouts(100)).stream().anyMatch(u -> u.username().equals(USER)),
                "the dashboard's tile lists the locked user");
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
        assertTrue(auditor.call(() -> realm.recentLockouts(100)).stream().noneMatch(u -> u.username().equals(USER)),
                "the unlock cleared the tile's kept answer (not 30 s later)");
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
    @RunAsClient
    void someone_changes_the_realm_by_hand_in_keycloak() {
        KeycloakFixture.updateRealm("{\"failureFactor\":9,\"ssoSessionIdleTimeout\":7200}");
    }

    @Test
    @Order(5)
    void the_drift_shows_and_applying_the_policy_writes_the_realm_back() throws Exception {
        PolicySettings policy = policies.current().settings();
        RealmBruteForceView before = auditor.call(realm::bruteForce);
        assertFalse(before.inLine());
        assertEquals(List.of("bruteForceFailureFactor", "ssoSessionIdleSeconds"),
                before.drift().stream().map(c -> c.setting()).toList(), before::toString);
        assertThrows(EJBAccessException.class, () -> auditor.call(realm::applyPolicy));

        RealmBruteForceView applied = admin.call(realm::applyPolicy);
        assertTrue(applied.inLine(), applied::toString);
        assertEquals(policy.bruteForceFailureFactor(), applied.failureFactor());
        assertEquals(policy.sessionTimeoutMinutes() * 60, applied.ssoSessionIdleSeconds());
        assertTrue(auditor.call(() -> journal.latest(5)).stream().anyMatch(e -> e.action().equals("REALM_POLICY_APPLIED")
                && e.actor().equals("admin.it") && e.outcome().equals("SUCCESS")));
    }

    @Test
    @Order(6)
    @RunAsClient
    void the_realm_holds_the_policys_values_again() {
        String json = KeycloakFixture.realmJson();
        assertEquals("5", KeycloakFixture.realmSetting(json, "failureFactor"), json);
        assertEquals("1800", KeycloakFixture.realmSetting(json, "ssoSessionIdleTimeout"), json);
    }

    @Test
    @Order(7)
    void a_new_policy_version_reaches_the_realm_by_itself() throws Exception {
        PolicySettings original = policies.current().settings();
        try {
            PolicySettings changed = withFailureFactor(original, original.bruteForceFailureFactor() == 7 ? 8 : 7);
            admin.call(() -> policies.change(changed, null, "push test"));
            assertEquals(changed.bruteForceFailureFactor(), awaitFailureFactor(changed.bruteForceFailureFactor()).failureFactor());
            assertTrue(auditor.call(() -> journal.latest(20)).stream().anyMatch(e -> e.action().equals("REALM_POLICY_APPLIED")
                    && e.actor().equals("gestan-policy") && e.outcome().equals("SUCCESS")), "journaled with the synchroniser as actor");
        } finally {
            // Back to the realm's original values (other suites expect five failures before a lockout).
            admin.call(() -> policies.change(withFailureFactor(original, 5), null, "restore after push test"));
        }
        assertTrue(awaitFailureFactor(5).inLine());
    }

    /** The realm once its failure factor is {@code factor}: the push follows the version's commit (a timer). */
    private RealmBruteForceView awaitFailureFactor(int factor) throws Exception {
        RealmBruteForceView view = auditor.call(realm::bruteForce);
        for (int i = 0; i < 60 && view.failureFactor() != factor; i++) {
            Thread.sleep(500);
            view = auditor.call(realm::bruteForce);
        }
        return view;
    }

    private static PolicySettings withFailureFactor(PolicySettings s, int factor) {
        return new PolicySettings(factor, s.bruteForceWaitIncrementSeconds(), s.bruteForceMaxWaitSeconds(),
                s.bruteForceMaxDeltaSeconds(), s.bruteForcePermanentLockout(), s.credentialMinLength(), s.credentialMinClasses(),
                s.sessionTimeoutMinutes(), s.tlsRequired(), s.backupEveryHours(), s.backupRetentionDays(),
                s.snapshotBeforeUpdate(), s.monitorCpuPercent(), s.monitorDiskPercent(), s.monitorMemoryPercent(),
                s.snapshotWindowHours(), s.silenceMinutes(), s.ddosMitigationHours(), s.sessionMaxHours(), s.passwordMinLength(),
                s.passwordHistory());
    }
}
