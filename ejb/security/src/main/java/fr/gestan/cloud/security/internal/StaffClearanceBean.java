package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.CredentialClearanceException;
import fr.gestan.cloud.security.api.StaffClearance;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/**
 * The seam the tenants module calls before revealing a credential. The check reads the database (the staff
 * registry and agreements), not the page: without a valid agreement the reveal is refused whatever the page does.
 */
@Stateless
@PermitAll
public class StaffClearanceBean extends SecurityServiceBase implements StaffClearance {

    @Override
    public boolean mayRevealCredentials(String username) {
        return clearedSupportOn(em, username, LocalDate.now(clock.withZone(Paris.ZONE)));
    }

    /** Whether {@code username} is registered support staff with a confidentiality agreement valid on {@code day}. */
    static boolean clearedSupportOn(EntityManager em, String username, LocalDate day) {
        if (username == null || username.isBlank()) {
            return false;
        }
        StaffMember staff = em.createNamedQuery(StaffMember.BY_USERNAME, StaffMember.class)
                .setParameter("username", username.strip()).getResultList().stream().findFirst().orElse(null);
        if (staff == null || !Roles.SUPPORT.equals(staff.role())) {
            return false;
        }
        return em.createNamedQuery(ConfidentialityAgreement.VALID_ON, Long.class).setParameter("username", staff.username())
                .setParameter("day", day).getSingleResult() > 0;
    }

    @Override
    // Stricter than the tenant rule: only cleared support passes, so no client ever acts on a tenant here.
    public void requireCredentialClearance(@TenantRef(checkedInBody = true) String tenantRef, String target)
            throws CredentialClearanceException {
        String username = actor();
        String refusal = null;
        if (!caller.isCallerInRole(Roles.SUPPORT)) {
            refusal = "caller does not hold the support role";
        } else if (!mayRevealCredentials(username)) {
            refusal = "no valid confidentiality agreement";
        }
        if (refusal != null) {
            journal.recordIndependently(JournalEvent.refused("SECRET_REVEAL_REFUSED", tenantRef, target, refusal));
            throw new CredentialClearanceException(username + ": " + refusal);
        }
    }
}
