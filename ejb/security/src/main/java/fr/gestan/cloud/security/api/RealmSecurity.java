package fr.gestan.cloud.security.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * The Keycloak realm's brute-force protection, through the Keycloak admin API: the settings read back and compared
 * with the policy in effect (drift), applying the policy's settings, and the users currently locked out.
 * Staff read; administrators apply and unlock (each journaled).
 */
public interface RealmSecurity {

    /** The realm's brute-force, session and password settings and their differences from the policy in effect. */
    RealmBruteForceView bruteForce() throws RealmUnavailableException;

    /**
     * Writes the policy's realm settings (brute force, SSO session idle and longest times, password policy) to the
     * realm, then reads them back. Journaled. The same push happens by itself when a policy version comes into effect
     * and at start ({@code RealmPolicySync}); this is for a realm changed by hand since.
     */
    RealmBruteForceView applyPolicy() throws RealmUnavailableException;

    /**
     * Users currently locked out by attack detection, among the users with a recent failed sign-in (read from the
     * realm's login events when they are enabled, otherwise among the first {@code max} users).
     */
    List<LockedUserView> lockedUsers(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 200, message = "{page.size.invalid}") int max)
            throws RealmUnavailableException;

    /**
     * {@link #lockedUsers} as this node last read it: for the back-office dashboard's tile, where reading the realm
     * (one request per candidate user) cost more than the rest of the page. An answer older than 30 seconds is shown
     * while the realm is read again in the background (up to 10 minutes old; older, or none yet, is read afresh). An
     * unlock through {@link #unlock} shows at once; a lockout or an unlock made in Keycloak within about 30 seconds.
     */
    List<LockedUserView> recentLockouts(@Min(value = 1, message = "{page.size.invalid}") @Max(value = 200, message = "{page.size.invalid}") int max)
            throws RealmUnavailableException;

    /**
     * Imports Keycloak's new sign-in and failed sign-in events into the journal now (a timer also does it every
     * minute); returns how many were imported. Administrators.
     */
    int importSignInEvents() throws RealmUnavailableException;

    /** Clears the lockout of a user (by username). Journaled. */
    void unlock(@NotBlank(message = "{staff.username.required}") String username) throws RealmUnavailableException;

    /**
     * The realm's brute-force settings (Keycloak's names), its SSO session idle and longest times (seconds), its
     * password policy (Keycloak's syntax), and the settings that differ from the policy.
     */
    record RealmBruteForceView(boolean protectedRealm, boolean permanentLockout, int failureFactor, int waitIncrementSeconds,
                               int maxFailureWaitSeconds, int maxDeltaTimeSeconds, int ssoSessionIdleSeconds,
                               int ssoSessionMaxSeconds, String passwordPolicy, List<PolicyVersionView.Change> drift) implements java.io.Serializable {

        public boolean inLine() {
            return protectedRealm && drift.isEmpty();
        }
    }

    /** A locked-out user: failures counted, last failure and its address. */
    record LockedUserView(String userId, String username, int numFailures, java.time.Instant lastFailure, String lastIpFailure) implements java.io.Serializable {
    }
}
