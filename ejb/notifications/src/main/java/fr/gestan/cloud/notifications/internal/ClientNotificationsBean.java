package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.notifications.api.ClientNotifications;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

@Stateless
@Local(ClientNotifications.class)
@RolesAllowed(Roles.CLIENT)
public class ClientNotificationsBean implements ClientNotifications {

    @PersistenceContext(unitName = "notifications")
    EntityManager em;
    @EJB
    CallerTenancy tenancy;
    @EJB
    AccessJournal journal;
    @Resource
    SessionContext caller;

    @Override
    public boolean myStatusNotices() {
        ClientPreference preference = em.find(ClientPreference.class, siren());
        return preference == null || preference.statusNotices();
    }

    @Override
    public boolean setMyStatusNotices(boolean receive) {
        String siren = siren();
        ClientPreference preference = em.find(ClientPreference.class, siren);
        String by = caller.getCallerPrincipal().getName();
        if (preference == null) {
            em.persist(new ClientPreference(siren, receive, by, Instant.now()));
        } else {
            preference.choose(receive, by, Instant.now());
        }
        journal.record(JournalEvent.success(receive ? "STATUS_NOTICES_ON" : "STATUS_NOTICES_OFF", siren, "status notices of its servers"));
        return receive;
    }

    private String siren() {
        return tenancy.tenantOfCaller().orElseThrow(() -> new EJBAccessException("a client contact of a company only"));
    }
}
