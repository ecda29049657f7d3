package fr.gestan.cloud.web.security.rest;

import fr.gestan.cloud.security.api.InclusionProofView;
import fr.gestan.cloud.security.api.JournalProofs;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A client's inclusion proofs of its own company's journal entries ({@code /me/journal/entries/{id}/inclusion});
 * another company's entry is "not found". Its own root path, longer than {@code /me}, so that JAX-RS picks it.
 */
@Path("/me/journal")
@RequestScoped
public class MyJournalProofResource {

    @EJB
    JournalProofs proofs;

    @GET
    @Path("/entries/{id}/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    public InclusionProofView inclusion(@PathParam("id") long id) {
        return proofs.inclusion(id).orElseThrow(NotFoundException::new);
    }
}
