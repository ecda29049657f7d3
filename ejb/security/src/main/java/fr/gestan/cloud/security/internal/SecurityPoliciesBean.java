package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.PolicyException;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

@Stateless
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.SUPPORT})
public class SecurityPoliciesBean extends SecurityServiceBase implements SecurityPolicies {

    @EJB
    RealmPolicySync realm;
    @Inject
    PolicyMemo memo;

    @Override
    @PermitAll
    public PolicyVersionView current() {
        try {
            return memo.current(this::read);
        } catch (ContextNotActiveException e) {
            return read(); // no request here: nothing to share the reading with
        }
    }

    private PolicyVersionView read() {
        List<PolicyVersion> inEffect = em.createNamedQuery(PolicyVersion.IN_EFFECT, PolicyVersion.class)
                .setParameter("now", clock.instant()).setMaxResults(2).getResultList();
        return inEffect.get(0).toView(inEffect.size() > 1 ? inEffect.get(1) : null);
    }

    @Override
    public List<PolicyVersionView> history(int first, int max) {
        // One more than the page, to compare its last version with the one before.
        List<PolicyVersion> versions = em.createNamedQuery(PolicyVersion.NEWEST_FIRST, PolicyVersion.class)
                .setFirstResult(first).setMaxResults(max + 1).getResultList();
        List<PolicyVersionView> views = new ArrayList<>();
        for (int i = 0; i < Math.min(max, versions.size()); i++) {
            views.add(versions.get(i).toView(i + 1 < versions.size() ? versions.get(i + 1) : null));
        }
        return views;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public PolicyVersionView change(PolicySettings settings, Instant effectiveFrom, String reason) throws PolicyException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = effectiveFrom == null ? now : effectiveFrom.truncatedTo(ChronoUnit.MICROS);
        if (from.isBefore(now.minusSeconds(60))) {
            throw new PolicyException(PolicyException.Reason.EFFECTIVE_IN_PAST);
        }
        // The newest version, locked so that two administrators cannot both create version n + 1.
        PolicyVersion newest = em.createNamedQuery(PolicyVersion.NEWEST_FIRST, PolicyVersion.class).setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        List<PolicyVersionView.Change> changes = PolicyVersion.changes(newest.settings(), settings);
        // Unchanged settings are refused, unless they bring forward a version planned for later.
        if (changes.isEmpty() && !from.isBefore(newest.effectiveFrom())) {
            throw new PolicyException(PolicyException.Reason.NOTHING_CHANGED);
        }
        PolicyVersion version = new PolicyVersion(newest.version() + 1, settings, from, now,
                actor(), reason);
        em.persist(version);
        journal.record(new JournalEvent("POLICY_CHANGED", null, "version " + version.version() + " from " + from,
                JournalEvent.Outcome.SUCCESS, reason.strip() + " | " + changes.stream()
                .map(c -> c.setting() + ": " + c.before() + " -> " + c.after()).collect(Collectors.joining(", "))));
        if (!from.isAfter(now)) {
            realm.pushSoon(); // a version effective later is pushed by RealmPolicySync's periodic check
        }
        return version.toView(newest);
    }
}
