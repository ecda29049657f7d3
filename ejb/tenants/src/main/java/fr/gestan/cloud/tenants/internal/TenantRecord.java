package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * A record that belongs to one tenant for its whole life (a change request, an export, a hosted account, a portal user, an API
 * client): its tenant, fixed at creation, is mapped once here (its generated id: {@link GeneratedId}).
 */
@MappedSuperclass
public abstract class TenantRecord extends GeneratedId {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    protected TenantRecord() {
        // for JPA
    }

    protected TenantRecord(Tenant tenant) {
        this.tenant = Objects.requireNonNull(tenant);
    }

    public Tenant tenant() {
        return tenant;
    }
}
