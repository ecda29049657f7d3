package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A client company hosted by the offer. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.ORDERED_BY_NAME, query = "select t from Tenant t order by t.legalName, t.id")
@NamedQuery(name = Tenant.COUNT, query = "select count(t) from Tenant t")
@NamedQuery(name = Tenant.BY_SIREN, query = "select t from Tenant t where t.siren = :siren")
public class Tenant {

    static final String ORDERED_BY_NAME = "Tenant.orderedByName";
    static final String COUNT = "Tenant.count";
    static final String BY_SIREN = "Tenant.bySiren";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "legal_name", nullable = false, length = 200)
    private String legalName;

    @Column(nullable = false, unique = true, length = 9)
    private String siren;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TenantState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Tenant() {
        // for JPA
    }

    public Tenant(String legalName, String siren, Instant createdAt) {
        if (legalName == null || legalName.isBlank()) {
            throw new IllegalArgumentException("legal name is required");
        }
        if (!Siren.isValid(siren)) {
            throw new IllegalArgumentException("invalid SIREN: " + siren);
        }
        this.legalName = legalName.strip();
        this.siren = siren;
        this.state = TenantState.ACTIVE;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public TenantView toView() {
        return new TenantView(id, legalName, siren, state);
    }

    public Long id() {
        return id;
    }

    public String siren() {
        return siren;
    }

    public String legalName() {
        return legalName;
    }

    public TenantState state() {
        return state;
    }
}
