package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.TenantWrites;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * On the entities a caller's company is read from ({@link Tenant}, {@link PortalAccount}, {@link ApiClient}): see
 * {@link CallerLinks}. A tenant's write also voids what other modules keep of the tenants ({@link TenantWrites}).
 */
public class CallerLinkListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object entity) {
        CallerLinks.changed();
        if (entity instanceof Tenant) {
            TenantWrites.GENERATION.changed();
        }
    }
}
