package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.web.http.Attachment;
import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import fr.gestan.cloud.tenants.api.DataExports;
import fr.gestan.cloud.tenants.api.ExportNotFoundException;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A client's own company ({@code /api/v1/me/...}): the same operations as the portal. The company is the caller's,
 * resolved by the tenants module; ids of another tenant's objects answer 404.
 */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyCompanyResource {

    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;
    @EJB
    DataExports exports;

    @GET
    @Path("/company")
    public Response company() throws TenantNotFoundException {
        return Response.ok(tenants.myCompanyRecord()).build();
    }

    public record ChangeRequest(String text) {
    }

    @POST
    @Path("/company/change-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestChange(ChangeRequest request) throws TenantNotFoundException {
        return Response.status(Response.Status.CREATED).entity(tenants.requestChange(request == null ? null : request.text())).build();
    }

    @GET
    @Path("/company/change-requests")
    public Response changeRequests() throws TenantNotFoundException {
        return Response.ok(tenants.myChangeRequests()).build();
    }

    @GET
    @Path("/accounts")
    public Response accounts() throws TenantNotFoundException {
        return Response.ok(accounts.myAccounts()).build();
    }

    @POST
    @Path("/accounts/{id}/reset-request")
    public Response requestReset(@PathParam("id") long id) throws AccountNotFoundException {
        return Response.ok(accounts.requestReset(id)).build();
    }

    @POST
    @Path("/accounts/{id}/changed")
    public Response markChanged(@PathParam("id") long id) throws AccountNotFoundException {
        return Response.ok(accounts.markChanged(id)).build();
    }

    @POST
    @Path("/exports")
    public Response startExport() throws TenantNotFoundException {
        return Response.status(Response.Status.ACCEPTED).entity(exports.startMine()).build();
    }

    @GET
    @Path("/exports")
    public Response myExports() throws TenantNotFoundException {
        return Response.ok(exports.mine()).build();
    }

    @GET
    @Path("/exports/{id}")
    public Response export(@PathParam("id") long id) throws ExportNotFoundException {
        return exportView(exports, id);
    }

    @GET
    @Path("/exports/{id}/zip")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("id") long id) throws ExportNotFoundException {
        return zip(exports, id);
    }

    static Response exportView(DataExports exports, long id) throws ExportNotFoundException {
        return Response.ok(exports.get(id)).build();
    }

    /** The ZIP, streamed; 404 (JSON) for an export the caller may not see or that is not ready. */
    static Response zip(DataExports exports, long id) throws ExportNotFoundException {
        var export = exports.get(id);
        if (!export.ready()) {
            return Problems.error(Response.Status.NOT_FOUND, "not-ready");
        }
        StreamingOutput body = out -> {
            try {
                exports.download(id, out);
            } catch (ExportNotFoundException e) {
                throw new jakarta.ws.rs.NotFoundException();
            }
        };
        return Attachment.response(body, "application/zip", export.fileName());
    }
}
