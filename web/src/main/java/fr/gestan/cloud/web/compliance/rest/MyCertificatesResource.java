package fr.gestan.cloud.web.compliance.rest;

import fr.gestan.cloud.compliance.api.Certificates;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A client's own certificates ({@code /api/v1/me/certificates}); another company's number answers 403. */
@Path("/me/certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyCertificatesResource {

    @EJB
    Certificates certificates;

    @GET
    public Response mine() {
        return Response.ok(certificates.mine()).build();
    }

    @GET
    @Path("/{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number) {
        return CertificatesResource.download(certificates, number);
    }
}
