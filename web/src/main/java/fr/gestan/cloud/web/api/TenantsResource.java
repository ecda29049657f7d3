package fr.gestan.cloud.web.api;

import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Staff's list of client companies. The tenants module refuses other roles (403, see AccessDeniedMapper). */
@Path("/tenants")
@RequestScoped
public class TenantsResource {

    @EJB
    TenantService tenants;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<TenantView> list(@QueryParam("first") @DefaultValue("0") int first,
                                 @QueryParam("max") @DefaultValue("50") int max) {
        return tenants.list(first, max);
    }
}
