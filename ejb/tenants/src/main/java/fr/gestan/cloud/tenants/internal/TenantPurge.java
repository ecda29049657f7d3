package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import jakarta.interceptor.Interceptors;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Purges terminated tenants whose retention period is over, every night, one tenant per transaction, and journals
 * what each purge removed ({@code TENANT_PURGED}, actor {@code gestan-purge}).
 */
@Stateless
@PermitAll
@RunAs(Roles.ADMIN)
@RunAsPrincipal(TenantPurge.ACTOR)
@Interceptors(ClusterOnce.class)
public class TenantPurge extends TenantsServiceBase {

    static final String ACTOR = "gestan-purge";
    private static final Logger LOG = Logger.getLogger(TenantPurge.class.getName());

    @EJB
    TenantPurge self;

    @OncePerCluster(lease = "tenant-purge", holdSeconds = 1800)
    @Schedule(hour = "3", minute = "17", timezone = Paris.ZONE_ID, persistent = false, info = "tenant-purge")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        purgeDue(LocalDate.now(Paris.ZONE));
    }

    /** Purges every tenant due on {@code today}; returns the SIRENs purged. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> purgeDue(LocalDate today) {
        List<Long> due = em.createNamedQuery(Tenant.TO_PURGE, Tenant.class).setParameter("today", today)
                .setMaxResults(1000).getResultList().stream().map(Tenant::id).toList();
        List<String> purged = new java.util.ArrayList<>();
        for (Long id : due) {
            try {
                String siren = self.purgeOne(id, today);
                if (siren != null) {
                    purged.add(siren);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not purge tenant " + id + "; the next run retries", e);
            }
        }
        return purged;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String purgeOne(long id, LocalDate today) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null || !tenant.isDueForPurge(today)) {
            return null;
        }
        String siren = tenant.siren();
        String removed = TenantData.removeAll(em, tenant);
        em.remove(tenant);
        em.flush();
        journal.record(new JournalEvent("TENANT_PURGED", siren, tenant.legalName(), JournalEvent.Outcome.SUCCESS,
                "retention period over; removed: tenant record, " + removed));
        return siren;
    }
}
