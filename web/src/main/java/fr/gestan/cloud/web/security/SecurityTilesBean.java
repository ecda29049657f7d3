package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.web.admin.BackOfficeDashboardView;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The security module's dashboard tile: agreements expiring within 30 days, failing controls, server-access alerts,
 * read with the other tiles' figures in one call per view ({@link BackOfficeDashboardView}).
 */
@Named
@RequestScoped
public class SecurityTilesBean {

    @Inject
    CurrentUser user;
    @Inject
    BackOfficeDashboardView dashboard;

    /** Server sign-ins no cleared support staff member accounts for, not yet acknowledged. */
    public List<ServerIdentities.AlertView> getServerAccessAlerts() {
        return user.isStaff() ? dashboard.figures().serverAccessAlerts() : List.of();
    }

    public List<ServerControls.ControlView> getFailingControls() {
        return user.isStaff() ? dashboard.figures().failingControls() : List.of();
    }

    public List<AgreementView> getExpiringAgreements() {
        return user.isStaff() ? dashboard.figures().expiringAgreements() : List.of();
    }

    public boolean isJournalReader() {
        return user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.ADMIN);
    }
}
