package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.hosting.api.SubProcessorChangeKind;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells the clients concerned of a sub-processor change (GDPR art. 28(2)), in the transaction that makes it: one
 * {@link SubProcessorChange} with its objection period, one {@link ChangeClient} row and one notice per client whose
 * live contracts have a server (production or backup) in a data centre the sub-processor serves.
 */
final class ChangeNotices {

    private ChangeNotices() {
    }

    /**
     * Records the change and notifies each client concerned; returns the change. {@code policy}: the security policy
     * in effect, whose {@code objectionDays} sets the period (what the notice prints is what is enforced).
     */
    static SubProcessorChange tell(EntityManager em, Notifications notifications, SubProcessor entry, SubProcessorView view,
                                   SubProcessorChangeKind kind, LocalDate effectiveOn, Instant now, String by,
                                   fr.gestan.cloud.security.api.PolicyVersionView policy) {
        int days = policy.settings().objectionDays();
        LocalDate objectionUntil = LocalDate.ofInstant(now, Paris.ZONE).plusDays(days);
        SubProcessorChange change = new SubProcessorChange(entry, kind, effectiveOn, objectionUntil, now, by);
        em.persist(change);
        for (String siren : concerned(em, view)) {
            em.persist(new ChangeClient(change, siren));
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("name", view.name());
            facts.put("country", view.country());
            facts.put("servicesFr", view.servicesFr());
            facts.put("servicesEn", view.servicesEn());
            facts.put("change", kind.name());
            facts.put("effectiveOn", effectiveOn.toString());
            facts.put("objectionUntil", objectionUntil.toString());
            facts.put("objectionDays", Integer.toString(days));
            facts.put("policyVersion", Integer.toString(policy.version()));
            notifications.publish(Notice.subProcessorChange(siren, facts));
        }
        return change;
    }

    /** The tenants with a live contract on a server in a data centre the sub-processor serves, by SIREN. */
    static Set<String> concerned(EntityManager em, SubProcessorView view) {
        Set<String> sirens = new TreeSet<>();
        for (Object[] row : em.createNamedQuery(HostingContract.SITES_OF_TENANTS, Object[].class).getResultList()) {
            if (view.serves((String) row[1]) || view.serves((String) row[2])) {
                sirens.add((String) row[0]);
            }
        }
        return sirens;
    }
}
