package fr.gestan.cloud.web.signin.rest;

import fr.gestan.cloud.common.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;

/** Who the bearer of the token is, as the application sees it. */
@Path("/me")
@RequestScoped
public class MeResource {

    public record Me(String username, List<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me(@Context SecurityContext security) {
        List<String> roles = Stream.of(Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR)
                .filter(security::isUserInRole).toList();
        return new Me(security.getUserPrincipal().getName(), roles);
    }
}
