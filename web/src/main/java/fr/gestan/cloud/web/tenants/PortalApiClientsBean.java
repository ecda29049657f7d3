package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.ApiClientNotFoundException;
import fr.gestan.cloud.tenants.api.ApiClientScope;
import fr.gestan.cloud.tenants.api.ApiClientView;
import fr.gestan.cloud.tenants.api.ApiClients;
import fr.gestan.cloud.tenants.api.IssuedApiClient;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** {@code /portal/tenants/api-clients}: the company's API clients; create one (its secret shown once), revoke one. */
@Named
@ViewScoped
public class PortalApiClientsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("create.label", "label", "create.scope", "scope");

    @EJB
    ApiClients apiClients;
    @Inject
    @Bundle("tmsg")
    Messages messages;

    private List<ApiClientView> list = List.of();
    private String label;
    private ApiClientScope scope = ApiClientScope.READ;
    private transient IssuedApiClient issued;

    /** View action: the company's API clients. */
    public void load() {
        try {
            list = apiClients.mine();
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        }
    }

    public void create() {
        issued = null;
        try {
            issued = apiClients.create(label, scope);
            messages.info("portal.apiclients.done.created", issued.client().clientId());
            label = null;
            scope = ApiClientScope.READ;
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        } catch (TenantStateException | TenantNotFoundException e) {
            TenantRefusals.show(messages, e);
        } catch (EJBException e) {
            messages.fieldMessages("create", e, FIELDS);
        }
        load();
    }

    public void revoke(String clientId) {
        issued = null;
        try {
            apiClients.revoke(clientId);
            messages.info("portal.apiclients.done.revoked", clientId);
        } catch (ApiClientNotFoundException e) {
            messages.error("portal.apiclients.notFound");
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        }
        load();
    }

    /**
     * The client just created, with its secret: shown by the page that answers the creation only (a later request of
     * the view forgets it; the secret is never stored).
     */
    public IssuedApiClient getIssued() {
        return issued;
    }

    public boolean isIssuedShown() {
        return issued != null;
    }

    public ApiClientScope[] getScopes() {
        return ApiClientScope.values();
    }

    public List<ApiClientView> getList() {
        return list;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public ApiClientScope getScope() {
        return scope;
    }

    public void setScope(ApiClientScope scope) {
        this.scope = scope;
    }
}
