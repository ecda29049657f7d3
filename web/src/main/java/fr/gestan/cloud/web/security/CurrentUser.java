package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Who is signed in, for the layout (what to show). Authorisation itself is enforced by the EJBs. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    public String getName() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isClient() {
        return request.isUserInRole(Roles.CLIENT);
    }

    public boolean isStaff() {
        return request.isUserInRole(Roles.SUPPORT) || request.isUserInRole(Roles.ADMIN) || request.isUserInRole(Roles.AUDITOR);
    }

    public boolean hasRole(String role) {
        return request.isUserInRole(role);
    }
}
