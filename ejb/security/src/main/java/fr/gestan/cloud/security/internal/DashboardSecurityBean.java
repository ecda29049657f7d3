package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.DashboardSecurity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.List;

/** {@link DashboardSecurity}: the three reads of the journal, agreements and server identities beans, in one call. */
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class DashboardSecurityBean extends SecurityServiceBase implements DashboardSecurity {

    @Override
    public Tiles read(int journalEntries, int alerts) {
        List<JournalEntryView> journal = List.of();
        if (journalEntries > 0) {
            if (!caller.isCallerInRole(Roles.AUDITOR) && !caller.isCallerInRole(Roles.ADMIN)) {
                throw new EJBAccessException("the journal's entries: auditors and admins only");
            }
            journal = JournalQueryBean.latest(em, journalEntries);
        }
        return new Tiles(journal, ConfidentialityAgreementsBean.expiringSoon(em, LocalDate.now(clock.withZone(Paris.ZONE))), ServerIdentitiesBean.openAlerts(em, alerts));
    }
}
