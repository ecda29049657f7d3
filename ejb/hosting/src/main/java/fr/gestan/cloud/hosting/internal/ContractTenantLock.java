package fr.gestan.cloud.hosting.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * The row a contract creation locks for its tenant: the overlap check and the insert then happen one tenant at a
 * time. (The tenant itself lives in the tenants module's tables, which this module never locks.)
 */
@Entity
@Table(name = "contract_tenant_lock")
public class ContractTenantLock {

    @Id
    @Column(columnDefinition = "char(9)")
    private String tenantSiren;

    protected ContractTenantLock() {
    }

    ContractTenantLock(String tenantSiren) {
        this.tenantSiren = Objects.requireNonNull(tenantSiren, "tenantSiren");
    }
}
