package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The back-office dashboard's figures for this request, read by one call when a tile first asks for one
 * ({@link BackOfficeDashboard}): the tiles' beans (the foundation's, tenants', hosting's, compliance's and security's)
 * take theirs from here. Nothing is kept beyond the request.
 */
@RequestScoped
public class BackOfficeDashboardView {

    @EJB
    BackOfficeDashboard dashboard;
    @Inject
    CurrentUser user;

    private BackOfficeFigures figures;

    public BackOfficeFigures figures() {
        if (figures == null) {
            figures = dashboard.read(journalVisible());
        }
        return figures;
    }

    /** Auditors and admins see the latest journal entries. */
    public boolean journalVisible() {
        return user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.ADMIN);
    }
}
