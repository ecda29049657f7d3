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
 * RFC 9162 §2.1.3 inclusion proofs of journal entries in the newest signed checkpoint, for staff: any entry
 * ({@code /journal/entries/{id}/inclusion}). Clients use {@link MyJournalProofResource}; the EJB decides who sees what.
 */
@Path("/journal")
@RequestScoped
public class JournalProofResource {

    @EJB
    JournalProofs proofs;

    @GET
    @Path("/entries/{id}/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    public InclusionProofView inclusion(@PathParam("id") long id) {
        return proofs.inclusion(id).orElseThrow(NotFoundException::new);
    }
}
