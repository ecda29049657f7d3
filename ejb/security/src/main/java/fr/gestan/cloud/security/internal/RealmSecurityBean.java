package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.RealmSecurity;
import fr.gestan.cloud.security.api.RealmUnavailableException;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The realm's policy settings (brute force, sessions, passwords) and lockouts in Keycloak, through the admin client (a service account). */
@ValidatesBusinessInterface
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.SUPPORT})
public class RealmSecurityBean extends JournaledService implements RealmSecurity {

    @EJB
    SecurityPolicies policies;

    @EJB
    KeycloakEventImporter importer;

    @EJB
    LockoutsCache lockouts;

    @FunctionalInterface
    interface RealmCall<T> {
        T call(RealmResource realm);
    }

    static <T> T withRealm(RealmCall<T> call) throws RealmUnavailableException {
        try (Keycloak keycloak = KeycloakAdmin.connect()) {
            return call.call(keycloak.realm(KeycloakAdmin.realm()));
        } catch (RuntimeException e) {
            throw new RealmUnavailableException("Keycloak admin API at " + KeycloakAdmin.serverUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RealmBruteForceView bruteForce() throws RealmUnavailableException {
        RealmRepresentation realm = withRealm(RealmResource::toRepresentation);
        return view(realm, policies.current().settings());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public RealmBruteForceView applyPolicy() throws RealmUnavailableException {
        PolicyVersionView policy = policies.current();
        RealmBruteForceView view = push(policy.settings());
        journal.record(pushed(policy.version(), view));
        return view;
    }

    /** Writes the policy's realm settings, then reads the realm back (shared with {@link RealmPolicySync}). */
    static RealmBruteForceView push(PolicySettings policy) throws RealmUnavailableException {
        RealmRepresentation read = withRealm(realm -> {
            realm.update(update(policy));
            return realm.toRepresentation();
        });
        return view(read, policy);
    }

    /** The journal entry of a push: failed when the realm read back still differs. */
    static JournalEvent pushed(int version, RealmBruteForceView view) {
        return new JournalEvent("REALM_POLICY_APPLIED", null, "realm " + KeycloakAdmin.realm() + " policy version " + version,
                view.inLine() ? JournalEvent.Outcome.SUCCESS : JournalEvent.Outcome.FAILURE,
                view.inLine() ? null : "still differs: " + view.drift());
    }

    /** Only the settings the policy owns: the rest of the realm (clients, flows, themes) is left as it is. */
    static RealmRepresentation update(PolicySettings policy) {
        RealmRepresentation update = new RealmRepresentation();
        update.setBruteForceProtected(true);
        update.setPermanentLockout(policy.bruteForcePermanentLockout());
        update.setFailureFactor(policy.bruteForceFailureFactor());
        update.setWaitIncrementSeconds(policy.bruteForceWaitIncrementSeconds());
        update.setMaxFailureWaitSeconds(policy.bruteForceMaxWaitSeconds());
        update.setMaxDeltaTimeSeconds(policy.bruteForceMaxDeltaSeconds());
        update.setSsoSessionIdleTimeout(idleSeconds(policy));
        update.setSsoSessionMaxLifespan(maxSeconds(policy));
        update.setPasswordPolicy(policy.keycloakPasswordPolicy());
        return update;
    }

    static int idleSeconds(PolicySettings policy) {
        return Math.multiplyExact(policy.sessionTimeoutMinutes(), 60);
    }

    static int maxSeconds(PolicySettings policy) {
        return Math.multiplyExact(policy.sessionMaxHours(), 3600);
    }

    static RealmBruteForceView view(RealmRepresentation realm, PolicySettings policy) {
        boolean on = Boolean.TRUE.equals(realm.isBruteForceProtected());
        boolean permanent = Boolean.TRUE.equals(realm.isPermanentLockout());
        int factor = value(realm.getFailureFactor());
        int wait = value(realm.getWaitIncrementSeconds());
        int maxWait = value(realm.getMaxFailureWaitSeconds());
        int delta = value(realm.getMaxDeltaTimeSeconds());
        int idle = value(realm.getSsoSessionIdleTimeout());
        int max = value(realm.getSsoSessionMaxLifespan());
        String passwords = realm.getPasswordPolicy() == null ? "" : realm.getPasswordPolicy();
        List<PolicyVersionView.Change> drift = new ArrayList<>();
        compare(drift, "bruteForceProtected", true, on);
        compare(drift, "bruteForcePermanentLockout", policy.bruteForcePermanentLockout(), permanent);
        compare(drift, "bruteForceFailureFactor", policy.bruteForceFailureFactor(), factor);
        compare(drift, "bruteForceWaitIncrementSeconds", policy.bruteForceWaitIncrementSeconds(), wait);
        compare(drift, "bruteForceMaxWaitSeconds", policy.bruteForceMaxWaitSeconds(), maxWait);
        compare(drift, "bruteForceMaxDeltaSeconds", policy.bruteForceMaxDeltaSeconds(), delta);
        compare(drift, "ssoSessionIdleSeconds", idleSeconds(policy), idle);
        compare(drift, "ssoSessionMaxSeconds", maxSeconds(policy), max);
        compare(drift, "passwordPolicy", PasswordPolicyText.parse(policy.keycloakPasswordPolicy()), PasswordPolicyText.parse(passwords));
        return new RealmBruteForceView(on, permanent, factor, wait, maxWait, delta, idle, max, passwords, List.copyOf(drift));
    }

    private static int value(Integer value) {
        return value == null ? 0 : value;
    }

    /** A drift is reported as (setting, policy value, realm value). */
    private static void compare(List<PolicyVersionView.Change> drift, String setting, Object policy, Object realm) {
        if (!policy.equals(realm)) {
            drift.add(new PolicyVersionView.Change(setting, policy.toString(), realm.toString()));
        }
    }

    /**
     * SUPPORTS: no database is read here (the kept answer, or Keycloak over HTTPS), and the dashboard calls it outside
     * any transaction; a transaction of its own around a kept value was begun and committed at each dashboard view
     * (docs/performance.md 4.67).
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LockedUserView> recentLockouts(int max) throws RealmUnavailableException {
        Instant now = Instant.now();
        LockoutsCache.Lookup shown = lockouts.lookup(max, now);
        if (shown == null) {
            List<LockedUserView> read = lockedUsers(max);
            lockouts.keep(max, now, read);
            return read;
        }
        if (shown.readInBackground()) {
            lockouts.readAgain(max);
        }
        return shown.locked();
    }

    @Override
    public List<LockedUserView> lockedUsers(int max) throws RealmUnavailableException {
        return withRealm(realm -> {
            // Candidates: users with a recent failed sign-in (login events), else the first users of the realm.
            Set<String> candidates = new LinkedHashSet<>();
            try {
                for (EventRepresentation event : realm.getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 1000)) {
                    if (event.getUserId() != null && candidates.size() < max) {
                        candidates.add(event.getUserId());
                    }
                }
            } catch (RuntimeException eventsDisabled) {
                // events not stored: fall back to the user list below
            }
            if (candidates.isEmpty()) {
                realm.users().list(0, max).forEach(u -> candidates.add(u.getId()));
            }
            List<LockedUserView> locked = new ArrayList<>();
            for (String id : candidates) {
                Map<String, Object> status = realm.attackDetection().bruteForceUserStatus(id);
                if (Boolean.TRUE.equals(status.get("disabled"))) {
                    UserRepresentation user = realm.users().get(id).toRepresentation();
                    Object last = status.get("lastFailure");
                    locked.add(new LockedUserView(id, user.getUsername(), number(status.get("numFailures")),
                            last instanceof Number n && n.longValue() > 0 ? Instant.ofEpochMilli(n.longValue()) : null,
                            status.get("lastIPFailure") == null ? null : status.get("lastIPFailure").toString()));
                }
            }
            return locked;
        });
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public int importSignInEvents() throws RealmUnavailableException {
        try {
            return importer.importNow();
        } catch (RuntimeException e) {
            throw new RealmUnavailableException("Keycloak events: " + e.getMessage(), e);
        }
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public void unlock(String username) throws RealmUnavailableException {
        String id = withRealm(realm -> {
            List<UserRepresentation> found = realm.users().searchByUsername(username.strip(), true);
            if (found.isEmpty()) {
                return null;
            }
            realm.attackDetection().clearBruteForceForUser(found.get(0).getId());
            return found.get(0).getId();
        });
        lockouts.clear(); // the dashboard's tile no longer lists the user

        journal.record(new JournalEvent("USER_UNLOCKED", null, username.strip(),
                id == null ? JournalEvent.Outcome.FAILURE : JournalEvent.Outcome.SUCCESS, id == null ? "no such user" : null));
    }
}
