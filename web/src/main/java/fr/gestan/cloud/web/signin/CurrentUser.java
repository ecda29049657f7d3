package fr.gestan.cloud.web.signin;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.ejb.EJB;
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

    @EJB
    TenantService tenants;

    private TenantView company;
    private boolean companyLoaded;

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

    /** The strongest role, for the header: admin, then auditor, support, client; {@code none} when signed out. */
    public String getMainRole() {
        for (String role : new String[] {Roles.ADMIN, Roles.AUDITOR, Roles.SUPPORT, Roles.CLIENT}) {
            if (request.isUserInRole(role)) {
                return role;
            }
        }
        return "none";
    }

    /**
     * The layout of an error page (403, 404): the staff or client frame, with its navigation, when the user is
     * signed in, so that they find their way back; the public one otherwise, and for a client refused because its
     * company is suspended (whose portal pages would refuse too).
     */
    public String getErrorTemplate() {
        if (isStaff()) {
            return "/WEB-INF/templates/backoffice.xhtml";
        }
        if (isClient() && request.getAttribute("gestan.refused") == null) {
            return "/WEB-INF/templates/portal.xhtml";
        }
        return "/WEB-INF/templates/public.xhtml";
    }

    /** The signed-in user's home ({@code /admin/}, {@code /portal/}) or the public home page. */
    public String getHomePath() {
        return isStaff() ? "/admin/" : isClient() && request.getAttribute("gestan.refused") == null ? "/portal/" : "/";
    }

    /**
     * The client's company's name for the portal header, or {@code null} (staff, or an account not linked): from
     * {@link #getCompany()}, asked once per request.
     */
    public String getCompanyName() {
        TenantView c = getCompany();
        return c == null ? null : c.legalName();
    }

    /**
     * The signed-in client's company, or {@code null} (staff, or an account not linked): asked of the tenants module
     * once per request ({@code TenantService.myLinkedCompany}: no exception, at most one statement of four columns,
     * none when the view's own calls read the caller's company first), and shared by the portal's header, the
     * dashboard's company tile ({@code PortalHomeBean}) and its journal tile ({@code DashboardJournalTiles}), which each
     * made a call of their own (docs/performance.md, client19). What it is used for stays checked by the EJBs: the
     * journal tile's SIREN by the journal's confinement.
     */
    public TenantView getCompany() {
        if (!companyLoaded) {
            companyLoaded = true;
            company = isClient() ? tenants.myLinkedCompany().orElse(null) : null;
        }
        return company;
    }
}
