package fr.gestan.cloud.tenants.internal;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** On the entities a caller's company is read from ({@link Tenant}, {@link PortalAccount}, {@link ApiClient}): see {@link CallerLinks}. */
public class CallerLinkListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object entity) {
        CallerLinks.changed();
    }
}
