package fr.gestan.cloud.web.api;

import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.ConcurrentEditException;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantPage;
import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Staff's client companies ({@code /api/v1/tenants}). The tenants module enforces the roles (403 otherwise, see
 * AccessDeniedMapper); state changes and secrets are not exposed here except through the same EJB checks.
 */
@Path("/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;

    /** The first page ordered by name (as before), or a filtered, sorted page with {@code q}, {@code state}, {@code sort}. */
    @GET
    public List<TenantView> list(@QueryParam("first") @DefaultValue("0") int first,
                                 @QueryParam("max") @DefaultValue("50") int max,
                                 @QueryParam("q") String text, @QueryParam("state") TenantState state,
                                 @QueryParam("sort") @DefaultValue("LEGAL_NAME") TenantQuery.Sort sort,
                                 @QueryParam("desc") @DefaultValue("false") boolean descending) {
        return tenants.rows(new TenantQuery(text, state, null, sort, !descending, first, max));
    }

    @GET
    @Path("/page")
    public TenantPage page(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max,
                           @QueryParam("q") String text, @QueryParam("state") TenantState state,
                           @QueryParam("sort") @DefaultValue("LEGAL_NAME") TenantQuery.Sort sort,
                           @QueryParam("desc") @DefaultValue("false") boolean descending) {
        return tenants.search(new TenantQuery(text, state, null, sort, !descending, first, max));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        try {
            return Response.ok(tenants.get(id)).build();
        } catch (TenantNotFoundException e) {
            return error(Response.Status.NOT_FOUND, "not-found");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TenantDetails details) {
        try {
            TenantRecord created = tenants.create(details);
            return Response.status(Response.Status.CREATED).entity(created).build();
        } catch (DuplicateSirenException e) {
            return error(Response.Status.CONFLICT, "duplicate-siren");
        }
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, @QueryParam("version") long version, TenantDetails details) {
        try {
            return Response.ok(tenants.update(id, version, details)).build();
        } catch (TenantNotFoundException e) {
            return error(Response.Status.NOT_FOUND, "not-found");
        } catch (ConcurrentEditException e) {
            return error(Response.Status.CONFLICT, "concurrent-edit");
        } catch (TenantStateException e) {
            return error(Response.Status.CONFLICT, "state-" + e.from());
        }
    }

    @GET
    @Path("/{id}/accounts")
    public Response accounts(@PathParam("id") long id) {
        try {
            List<HostedAccountView> list = accounts.ofTenant(id);
            return Response.ok(list).build();
        } catch (TenantNotFoundException e) {
            return error(Response.Status.NOT_FOUND, "not-found");
        }
    }

    @GET
    @Path("/change-requests")
    public List<ChangeRequestView> changeRequests(@QueryParam("first") @DefaultValue("0") int first,
                                                  @QueryParam("max") @DefaultValue("50") int max) {
        return tenants.openChangeRequests(first, max);
    }

    static Response error(Response.Status status, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"status\":" + status.getStatusCode() + ",\"error\":\"" + code + "\"}").build();
    }
}
