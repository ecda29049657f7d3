package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.security.api.CredentialClearanceException;
import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportNotFoundException;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.PortalUsers;
import fr.gestan.cloud.tenants.api.SecretUnavailableException;
import fr.gestan.cloud.tenants.api.ConcurrentEditException;
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
import jakarta.ws.rs.BeanParam;
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
 * Staff's client companies ({@code /api/v1/tenants}): the same operations as the staff pages. The tenants module
 * enforces the roles (403 otherwise, see AccessDeniedMapper) and the credential clearance; secrets (a new account,
 * a reset, a reveal with its reason) and temporary passwords are in that one response only ({@code no-store}).
 * The module's business exceptions become JSON errors in one place each: the {@code *Mapper} providers of this
 * package (404 not-found, 409 state-/concurrent-edit/duplicate-siren, 403 clearance-required...).
 */
@Path("/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;
    @EJB
    PortalUsers portalUsers;
    @EJB
    DataExports exports;

    /** The first page ordered by name (as before), or a filtered, sorted page with {@code q}, {@code state}, {@code sort}. */
    @GET
    public List<TenantView> list(@BeanParam Filter filter) {
        return tenants.rows(filter.query());
    }

    /** The same page as {@link #list}, with the count of all that match. */
    @GET
    @Path("/page")
    public TenantPage page(@BeanParam Filter filter) {
        return tenants.search(filter.query());
    }

    /** The query parameters of a page of tenants, for the list and the counted page alike. */
    public static class Filter {
        @QueryParam("first")
        @DefaultValue("0")
        int first;
        @QueryParam("max")
        @DefaultValue("50")
        int max;
        @QueryParam("q")
        String text;
        @QueryParam("state")
        TenantState state;
        @QueryParam("sort")
        @DefaultValue("LEGAL_NAME")
        TenantQuery.Sort sort;
        @QueryParam("desc")
        @DefaultValue("false")
        boolean descending;

        TenantQuery query() {
            return new TenantQuery(text, state, null, sort, !descending, first, max);
        }
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) throws TenantNotFoundException {
        return Response.ok(tenants.get(id)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TenantDetails details) {
        TenantRecord created = tenants.create(details);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, @QueryParam("version") long version, TenantDetails details) throws TenantNotFoundException, ConcurrentEditException, TenantStateException {
        return Response.ok(tenants.update(id, version, details)).build();
    }

    @GET
    @Path("/{id}/accounts")
    public Response accounts(@PathParam("id") long id) throws TenantNotFoundException {
        List<HostedAccountView> list = accounts.ofTenant(id);
        return Response.ok(list).build();
    }

    @GET
    @Path("/change-requests")
    public List<ChangeRequestView> changeRequests(@QueryParam("first") @DefaultValue("0") int first,
                                                  @QueryParam("max") @DefaultValue("50") int max) {
        return tenants.openChangeRequests(first, max);
    }

    /** A written reason (suspend, reactivate, terminate, reset, reveal) or a resolution (change requests). */
    public record Reason(String reason) {
        /** The reason typed, or null when the body is missing (the service then refuses with its own message). */
        static String text(Reason body) {
            return body == null ? null : body.reason();
        }
    }

    /** Who gets a hosted account. */
    public record NewAccount(String holderName) {
    }

    /** A tenant contact invited to the portal. */
    public record Invitation(String email, String firstName, String lastName) {
    }

    /** A revealed secret, in this response only. */
    public record RevealedSecret(long accountId, String secret) {
    }

    // Three paths, each in the OpenAPI document under its own name; one way to read the reason.
    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response suspend(@PathParam("id") long id, Reason reason)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        return Response.ok(tenants.suspend(id, Reason.text(reason))).build();
    }

    @POST
    @Path("/{id}/reactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reactivate(@PathParam("id") long id, Reason reason)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        return Response.ok(tenants.reactivate(id, Reason.text(reason))).build();
    }

    @POST
    @Path("/{id}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response terminate(@PathParam("id") long id, Reason reason)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        return Response.ok(tenants.terminate(id, Reason.text(reason))).build();
    }

    /** Creates a hosted account: the secret is in this response only. Cleared support staff. */
    @POST
    @Path("/{id}/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAccount(@PathParam("id") long id, NewAccount account) throws TenantNotFoundException, TenantStateException, CredentialClearanceException {
        return noStore(Response.status(Response.Status.CREATED)
                .entity(accounts.create(id, account == null ? null : account.holderName())));
    }

    /** A new secret for an account, with a written reason: in this response only. Cleared support staff. */
    @POST
    @Path("/accounts/{accountId}/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetAccount(@PathParam("accountId") long accountId, Reason reason) throws AccountNotFoundException, TenantStateException, CredentialClearanceException {
        return noStore(Response.ok(accounts.reset(accountId, Reason.text(reason))));
    }

    /** Reveals a stored secret with a written reason (10 to 500 characters); journaled. Cleared support staff. */
    @POST
    @Path("/accounts/{accountId}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revealAccount(@PathParam("accountId") long accountId, Reason reason) throws AccountNotFoundException, SecretUnavailableException, CredentialClearanceException {
        return noStore(Response.ok(new RevealedSecret(accountId, accounts.reveal(accountId, Reason.text(reason)))));
    }

    /** Accounts whose client asked for a new secret, oldest first. Staff and auditors. */
    @GET
    @Path("/accounts/reset-requests")
    public List<HostedAccountView> resetRequests(@QueryParam("max") @DefaultValue("100") int max) {
        return accounts.pendingResetRequests(Math.max(1, Math.min(500, max)));
    }

    @GET
    @Path("/{id}/portal-users")
    public Response portalUsers(@PathParam("id") long id) throws TenantNotFoundException {
        return Response.ok(portalUsers.usernames(id)).build();
    }

    /** Invites a contact to the portal: the temporary password is in this response only. Staff. */
    @POST
    @Path("/{id}/portal-users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("id") long id, Invitation invitation) throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        Invitation i = invitation == null ? new Invitation(null, null, null) : invitation;
        return noStore(Response.status(Response.Status.CREATED).entity(portalUsers.invite(id, i.email(), i.firstName(), i.lastName())));
    }

    /** Closes a change request with what was done. Staff. */
    @POST
    @Path("/change-requests/{requestId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response closeChangeRequest(@PathParam("requestId") long requestId, Reason resolution) throws TenantNotFoundException {
        return Response.ok(tenants.closeChangeRequest(requestId, Reason.text(resolution))).build();
    }

    /** Starts an export of a tenant's data for staff (202); follow it at {@code /tenants/exports/{exportId}}. */
    @POST
    @Path("/{id}/exports")
    public Response startExport(@PathParam("id") long id) throws TenantNotFoundException {
        return Response.status(Response.Status.ACCEPTED).entity(exports.start(id)).build();
    }

    @GET
    @Path("/exports/{exportId}")
    public Response export(@PathParam("exportId") long exportId) throws ExportNotFoundException {
        return MyCompanyResource.exportView(exports, exportId);
    }

    @GET
    @Path("/exports/{exportId}/zip")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("exportId") long exportId) throws ExportNotFoundException {
        return MyCompanyResource.zip(exports, exportId);
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}
