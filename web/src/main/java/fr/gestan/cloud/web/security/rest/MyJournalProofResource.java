package fr.gestan.cloud.web.security.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/**
 * A client's inclusion proofs of its own company's journal entries ({@code /me/journal/entries/{id}/inclusion});
 * another company's entry is "not found". Its own root path, longer than {@code /me}, so that JAX-RS picks it. The
 * method is {@link JournalProofResource}'s (JAX-RS inherits its annotations): the EJB decides who sees what.
 */
@Path("/me/journal")
@RequestScoped
public class MyJournalProofResource extends JournalProofResource {
}
