package fr.gestan.cloud.web.security;

import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.RealmSecurity;
import fr.gestan.cloud.security.api.RealmSecurity.LockedUserView;
import fr.gestan.cloud.security.api.RealmUnavailableException;
import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Dashboard tiles of the security module: a client's latest journal entries about its company, and for staff the
 * users Keycloak holds locked out, as read at most 30 seconds ago (null when Keycloak cannot be reached: the tile says
 * so).
 */
@Named
@RequestScoped
public class DashboardJournalTiles {

    static final int LATEST = 5;

    @EJB
    JournalQuery journal;
    /** The caller's company as the request read it once (the header's, the company tile's; docs/performance.md, client19). */
    @Inject
    CurrentUser user;
    @EJB
    RealmSecurity realm;

    private List<JournalEntryView> mine;
    private List<LockedUserView> locked;
    private boolean lockedLoaded;

    public List<JournalEntryView> getMine() {
        if (mine == null) {
            TenantView company = user.getCompany();
            // the SIREN is still checked by the journal's confinement (TenantRef): a client reads its own company's only
            mine = company == null ? List.of() : journal.ofTenant(company.siren(), 0, LATEST);
        }
        return mine;
    }

    public List<LockedUserView> getLocked() {
        if (!lockedLoaded) {
            lockedLoaded = true;
            try {
                locked = realm.recentLockouts(50); // read at most 30 s ago: the lockouts page reads afresh
            } catch (RealmUnavailableException e) {
                locked = null;
            }
        }
        return locked;
    }
}
