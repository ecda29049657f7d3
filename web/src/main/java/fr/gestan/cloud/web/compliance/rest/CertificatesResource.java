package fr.gestan.cloud.web.compliance.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.web.http.Attachment;
import fr.gestan.cloud.compliance.api.CertificateBatch;
import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.compliance.api.CertificateFile;
import fr.gestan.cloud.compliance.api.CertificateNotFoundException;
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.web.compliance.CertificateBatchRuns;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff's certificate registry ({@code /api/v1/certificates}): list (support, admin, auditor), issue, reissue,
 * revoke (support, admin), download, and the batch issue ({@code /batch}: start, follow). A refusal answers 409 with
 * the blocking findings.
 */
@Path("/certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CertificatesResource {

    @EJB
    Certificates certificates;
    @EJB
    CertificateBatch batch;
    @Inject
    CertificateBatchRuns batches;
    @Context
    SecurityContext security;

    /** {@code supersede}: true once the caller confirmed replacing the valid certificate the tenant holds (409 VALID_EXISTS otherwise). */
    public record IssueRequest(String tenantSiren, Boolean supersede) {
    }

    public record RevokeRequest(String reason) {
    }

    /** A refusal: the reason, the findings (blocking, or ours lacking evidence) and the valid certificate held ({@code VALID_EXISTS}). */
    public record Refusal(int status, String error, String reason, List<RuleFinding> findings, String validCertificate) {
    }

    /** A certificate batch as the back office shows it: state, progress, tally, who started it and when. */
    public record BatchStatus(String state, long done, long total, int percent, CertificateBatchTally tally, String startedBy,
                              Instant startedAt) {
        static BatchStatus of(CertificateBatchRuns.Run run) {
            var p = run.getProgress();
            return new BatchStatus(p.getState().name(), p.getDone(), p.getTotal(), p.getPercent(), run.getTally(),
                    run.getStartedBy(), run.getStartedAt());
        }

        /** A batch known from its stored run only (another node's, or one its server stopped). */
        static BatchStatus of(CertificateBatchRunView run) {
            long done = run.tally().considered();
            int percent = run.total() == 0 ? 100 : (int) Math.min(100, done * 100 / run.total());
            return new BatchStatus(run.state(), done, run.total(), percent, run.tally(), run.startedBy(), run.startedAt());
        }
    }

    /**
     * Starts the batch issue in the background (support, admin: the EJB checks): 202 with its status and a Location to
     * follow it, or 409 with the running one's status.
     */
    @POST
    @Path("/batch")
    public Response startBatch() {
        batch.running(); // the batch's own roles decide who may start it
        CertificateBatchRuns.Run run = batches.start(security.getUserPrincipal().getName());
        if (run == null) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("status", 409, "error", "batch-running",
                    "batch", BatchStatus.of(batches.current()))).build();
        }
        return Response.accepted(BatchStatus.of(run)).header("Location", "/api/v1/certificates/batch").build();
    }

    /**
     * The batch running on this server, else the last one stored (any node's; {@code INTERRUPTED} when its server
     * stopped mid-way) (support, admin); 404 when no batch ever ran.
     */
    @GET
    @Path("/batch")
    public Response batchStatus() {
        Optional<CertificateBatchRunView> stored = batch.lastRun(); // the batch's own roles decide who may see it
        CertificateBatchRuns.Run run = batches.current();
        if (run != null) {
            return Response.ok(BatchStatus.of(run)).build();
        }
        return stored.map(r -> Response.ok(BatchStatus.of(r)).build())
                .orElseGet(() -> Problems.error(Response.Status.NOT_FOUND, "no-batch"));
    }

    @GET
    public Response list(@QueryParam("siren") String siren, @QueryParam("status") CertificateStatus status,
                         @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        return Response.ok(Map.of("total", certificates.count(siren, status), "items", certificates.search(siren, status, first, max))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(IssueRequest request) {
        try {
            String siren = request == null ? null : request.tenantSiren();
            boolean supersede = request != null && Boolean.TRUE.equals(request.supersede());
            return Response.status(Response.Status.CREATED).entity(supersede ? certificates.issueSuperseding(siren) : certificates.issue(siren)).build();
        } catch (CertificateRefusedException e) {
            return refused(e);
        } catch (TenantNotFoundException e) {
            return Problems.error(Response.Status.NOT_FOUND, "tenant-not-found");
        }
    }

    @POST
    @Path("/{number}/reissue")
    public Response reissue(@PathParam("number") String number) {
        try {
            return Response.status(Response.Status.CREATED).entity(certificates.reissue(number)).build();
        } catch (CertificateRefusedException e) {
            return refused(e);
        } catch (CertificateNotFoundException | TenantNotFoundException e) {
            return Problems.error(Response.Status.NOT_FOUND, "not-found");
        }
    }

    @POST
    @Path("/{number}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("number") String number, RevokeRequest request) {
        try {
            return Response.ok(certificates.revoke(number, request == null ? null : request.reason())).build();
        } catch (CertificateRefusedException e) {
            return refused(e);
        } catch (CertificateNotFoundException e) {
            return Problems.error(Response.Status.NOT_FOUND, "not-found");
        }
    }

    @GET
    @Path("/{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number) {
        return download(certificates, number);
    }

    static Response download(Certificates certificates, String number) {
        try {
            CertificateFile file = certificates.download(number);
            return Attachment.response(file.pdf(), "application/pdf", file.fileName());
        } catch (CertificateNotFoundException e) {
            return Problems.error(Response.Status.NOT_FOUND, "not-found");
        }
    }

    static Response refused(CertificateRefusedException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(new Refusal(409, "refused", e.reason().name(), e.findings(), e.validNumber())).build();
    }
}
