package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.RealmSecurity.RealmBruteForceView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/** What the realm is given from the policy, and how a realm read back is compared with it. */
class RealmPolicyTest {

    private static final PolicySettings POLICY = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85)
            .withSignIn(20, 8, 14, 5);

    @Test
    void the_realm_gets_the_policys_session_times_in_seconds_and_its_password_policy() {
        RealmRepresentation update = RealmSecurityBean.update(POLICY);
        assertEquals(20 * 60, update.getSsoSessionIdleTimeout());
        assertEquals(8 * 3600, update.getSsoSessionMaxLifespan());
        assertEquals("length(14) and upperCase(1) and lowerCase(1) and digits(1) and specialChars(1) and notUsername(undefined)"
                + " and passwordHistory(5)", update.getPasswordPolicy());
        assertEquals(5, update.getFailureFactor());
        assertTrue(RealmSecurityBean.view(update, POLICY).inLine(), "a realm given the policy is in line with it");
    }

    @Test
    void the_version_1_values_are_the_realm_files() {
        PolicySettings v1 = new PolicySettings(5, 60, 900, 43200, false, 16, 4, 30, true, 24, 3650, true, 90, 85);
        assertEquals("length(12) and upperCase(1) and lowerCase(1) and digits(1) and specialChars(1) and notUsername(undefined)"
                + " and passwordHistory(3)", v1.keycloakPasswordPolicy(), "gestan-realm.json's passwordPolicy");
        assertEquals(1800, RealmSecurityBean.idleSeconds(v1), "gestan-realm.json's ssoSessionIdleTimeout");
        assertEquals(36000, RealmSecurityBean.maxSeconds(v1), "Keycloak's default ssoSessionMaxLifespan, the realm's");
    }

    @Test
    void a_realm_changed_by_hand_shows_each_setting_that_differs() {
        RealmRepresentation realm = RealmSecurityBean.update(POLICY);
        realm.setSsoSessionIdleTimeout(3600);
        realm.setSsoSessionMaxLifespan(36000);
        realm.setPasswordPolicy("length(8)");
        RealmBruteForceView view = RealmSecurityBean.view(realm, POLICY);
        assertFalse(view.inLine());
        assertEquals(List.of("ssoSessionIdleSeconds", "ssoSessionMaxSeconds", "passwordPolicy"),
                view.drift().stream().map(PolicyVersionView.Change::setting).toList());
        assertEquals(new PolicyVersionView.Change("ssoSessionIdleSeconds", "1200", "3600"), view.drift().get(0));
    }

    @Test
    void a_password_policy_with_its_rules_in_another_order_is_the_same() {
        RealmRepresentation realm = RealmSecurityBean.update(POLICY);
        realm.setPasswordPolicy("passwordHistory(5) and  digits(1) and length(14) and notUsername(undefined) and specialChars(1)"
                + " and lowerCase(1) and upperCase(1)");
        assertTrue(RealmSecurityBean.view(realm, POLICY).inLine());
        assertEquals(PasswordPolicyText.parse("length(14) and digits(1)"), PasswordPolicyText.parse("digits(1) and length(14)"));
        assertTrue(PasswordPolicyText.parse(null).isEmpty());
    }
}
