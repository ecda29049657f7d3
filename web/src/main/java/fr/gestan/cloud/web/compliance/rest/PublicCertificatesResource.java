package fr.gestan.cloud.web.compliance.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.compliance.api.CertificateRegistry;
import fr.gestan.cloud.compliance.api.Certificates;
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
import java.io.IOException;
import java.io.InputStream;

/**
 * Public verification, no sign-in, rate-limited per address by {@code RateLimitFilter}: by number
 * ({@code GET /api/v1/public/certificates/{number}}) and by file ({@code POST /api/v1/public/certificates/verification}
 * with the PDF as an {@code application/pdf} body, at most 2 MB): is this exact file one we issued, and its status.
 */
@Path("/public/certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicCertificatesResource {

    @EJB
    CertificateRegistry registry;
    @EJB
    Certificates certificates;

    @GET
    @Path("/{number}")
    public Response byNumber(@PathParam("number") String number) {
        if (number == null || number.length() > 32) {
            return Problems.error(Response.Status.BAD_REQUEST, "bad-number");
        }
        return registry.verify(number).map(v -> Response.ok(v).build())
                .orElseGet(() -> Problems.error(Response.Status.NOT_FOUND, "unknown-certificate"));
    }

    @POST
    @Path("/verification")
    @Consumes("application/pdf")
    public Response byFile(InputStream body) throws IOException {
        byte[] pdf = body.readNBytes(Certificates.MAX_UPLOAD_BYTES + 1);
        if (pdf.length == 0) {
            return Problems.error(Response.Status.BAD_REQUEST, "empty-file");
        }
        if (pdf.length > Certificates.MAX_UPLOAD_BYTES) {
            return Problems.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "file-too-large");
        }
        return Response.ok(certificates.verifyFile(pdf)).build();
    }
}
