package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.ApiClientScope;
import fr.gestan.cloud.tenants.api.ApiClientView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An integration's API client: a Keycloak confidential client acting for one tenant. Its service account's username
 * ({@code service-account-<client id>}, as Keycloak names it) is how a token's caller is mapped to the tenant.
 */
@Entity
@jakarta.persistence.EntityListeners(CallerLinkListener.class) // a caller's company is read from it (CallerLinks)
@Table(name = "api_client")
@NamedQuery(name = ApiClient.OF_TENANT, query = "select c from ApiClient c where c.tenant = :tenant order by c.createdAt desc, c.id desc")
@NamedQuery(name = ApiClient.BY_CLIENT_ID, query = "select c from ApiClient c join fetch c.tenant where c.clientId = :clientId")
@NamedQuery(name = ApiClient.TENANT_OF_ACTIVE, query = "select c.tenant from ApiClient c where c.serviceAccount = :username and c.revokedAt is null")
@NamedQuery(name = ApiClient.LINK_OF_ACTIVE, query = "select t.id, t.siren, t.state, t.legalName from ApiClient c join c.tenant t"
        + " where c.serviceAccount = :username and c.revokedAt is null")
public class ApiClient extends TenantRecord {

    static final String OF_TENANT = "ApiClient.ofTenant", BY_CLIENT_ID = "ApiClient.byClientId",
            TENANT_OF_ACTIVE = "ApiClient.tenantOfActive", LINK_OF_ACTIVE = "ApiClient.linkOfActive";
    /** Keycloak's prefix of a service account's username. */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";


    private String clientId;
    private String serviceAccount;
    private String label;
    @Enumerated(EnumType.STRING)
    @Column(name = "access_scope")
    private ApiClientScope scope;
    private String createdBy;
    private Instant createdAt;
    private String revokedBy;
    private Instant revokedAt;

    protected ApiClient() {
        // for JPA
    }

    public ApiClient(Tenant tenant, String clientId, String label, ApiClientScope scope, String createdBy, Instant createdAt) {
        super(tenant);
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("the label is required");
        }
        this.clientId = Objects.requireNonNull(clientId);
        this.serviceAccount = serviceAccountOf(clientId);
        this.label = label.strip();
        this.scope = Objects.requireNonNull(scope);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The username Keycloak gives the client's service account (lower case), i.e. the token's preferred_username. */
    static String serviceAccountOf(String clientId) {
        return SERVICE_ACCOUNT_PREFIX + clientId.toLowerCase(Locale.ROOT);
    }

    /** Revokes the client; once only. */
    public void revoke(String by, Instant at) {
        if (revokedAt != null) {
            throw new IllegalStateException("already revoked");
        }
        this.revokedBy = Objects.requireNonNull(by);
        this.revokedAt = Objects.requireNonNull(at);
    }

    public boolean revoked() {
        return revokedAt != null;
    }


    public String clientId() {
        return clientId;
    }

    public ApiClientView toView() {
        return new ApiClientView(clientId, label, scope, createdBy, createdAt, revokedBy, revokedAt);
    }
}
