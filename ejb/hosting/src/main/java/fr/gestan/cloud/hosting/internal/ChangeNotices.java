package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.config.PublicAddress;
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
        SubProcessorChange change = new SubProcessorChange(entry, kind, effectiveOn, objectionUntil(now, policy), now, by);
        return tell(em, notifications, change, view, policy, "", "");
    }

    /**
     * An operator's change of owner (the R4 case), told as a change of its sub-processor entry {@code entry}: the same
     * rows, notices and answers as an addition, the new owner named in the notice.
     */
    static SubProcessorChange tellOwnerChange(EntityManager em, Notifications notifications, SubProcessor entry, SubProcessorView view,
                                              OperatorOwnership ownership, Instant now, String by,
                                              fr.gestan.cloud.security.api.PolicyVersionView policy) {
        SubProcessorChange change = SubProcessorChange.ownerChanged(entry, ownership, objectionUntil(now, policy), now, by);
        String owner = ownership.owner() + " (" + ownership.ownerCountry() + ")";
        return tell(em, notifications, change, view, policy, " : " + owner, ": " + owner);
    }

    private static LocalDate objectionUntil(Instant now, fr.gestan.cloud.security.api.PolicyVersionView policy) {
        return LocalDate.ofInstant(now, Paris.ZONE).plusDays(policy.settings().objectionDays());
    }

    /** {@code detailFr}/{@code detailEn}: printed after the kind of change ("" when there is nothing to add). */
    private static SubProcessorChange tell(EntityManager em, Notifications notifications, SubProcessorChange change, SubProcessorView view,
                                           fr.gestan.cloud.security.api.PolicyVersionView policy, String detailFr, String detailEn) {
        em.persist(change);
        em.flush(); // its id goes in the notice's link
        for (String siren : concerned(em, view)) {
            em.persist(new ChangeClient(change, siren));
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("name", view.name());
            facts.put("country", view.country());
            facts.put("servicesFr", view.servicesFr());
            facts.put("servicesEn", view.servicesEn());
            facts.put("change", change.kind().name());
            facts.put("detailFr", detailFr);
            facts.put("detailEn", detailEn);
            facts.put("effectiveOn", change.effectiveOn().toString());
            facts.put("objectionUntil", change.objectionUntil().toString());
            facts.put("objectionDays", Integer.toString(policy.settings().objectionDays()));
            facts.put("policyVersion", Integer.toString(policy.version()));
            facts.put("changeId", Long.toString(change.id()));
            // the notice itself on the portal's page (where the processor agreement links to it too)
            facts.put("portalUrl", PublicAddress.baseUrl() + "/portal/subprocessors.xhtml#change-" + change.id());
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
