package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.RealmSecurity.LockedUserView;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The last answer of {@code RealmSecurity.lockedUsers} on this node, for the back-office dashboard's tile: reading it
 * costs one Keycloak admin token, the realm's failed sign-ins and one brute-force status request per candidate user
 * (up to 50 HTTPS requests per dashboard view, measured as the dashboard's largest cost, docs/performance.md). Kept
 * {@link #FRESH}; an unlock through the application clears it (on this node: another node's tile catches up within
 * {@link #FRESH}). The lockouts page, where staff unlock, reads afresh and does not use it.
 */
@Singleton
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LockoutsCache {

    /** How long an answer is shown before Keycloak is asked again. */
    static final Duration FRESH = Duration.ofSeconds(30);

    private record Answer(int max, Instant readAt, List<LockedUserView> locked) {
    }

    private volatile Answer last;

    // Public: an EJB's no-interface view refuses other methods (WFLYEJB0224, found by RealmSecurityIT).

    /** The answer read for {@code max} users less than {@link #FRESH} before {@code now}, else null. */
    public List<LockedUserView> fresh(int max, Instant now) {
        Answer a = last;
        return a != null && a.max() == max && !now.isBefore(a.readAt()) && now.isBefore(a.readAt().plus(FRESH)) ? a.locked() : null;
    }

    public void keep(int max, Instant readAt, List<LockedUserView> locked) {
        last = new Answer(max, readAt, List.copyOf(locked));
    }

    public void clear() {
        last = null;
    }
}
