package fr.gestan.cloud.tenants.internal;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * A record that belongs to one tenant for its whole life (a change request, an export, a hosted account, an API
 * client): its generated id and its tenant, fixed at creation, are mapped once here.
 */
@MappedSuperclass
public abstract class TenantRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    protected TenantRecord() {
        // for JPA
    }

    protected TenantRecord(Tenant tenant) {
        this.tenant = Objects.requireNonNull(tenant);
    }

    /** Null until persisted. */
    public Long id() {
        return id;
    }

    public Tenant tenant() {
        return tenant;
    }
}
