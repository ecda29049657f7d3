package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.ServerIdentities;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The security module's dashboard tiles: agreements expiring within 30 days. */
@Named
@RequestScoped
public class SecurityTilesBean {

    @EJB
    ConfidentialityAgreements agreements;
    @Inject
    CurrentUser user;

    @EJB
    ServerControls controls;

    @EJB
    ServerIdentities identities;

    private List<AgreementView> expiring;
    private List<ServerIdentities.AlertView> alerts;

    /** Server sign-ins no cleared support staff member accounts for, not yet acknowledged. */
    public List<ServerIdentities.AlertView> getServerAccessAlerts() {
        if (alerts == null) {
            alerts = user.isStaff() ? identities.openAlerts(10) : List.of();
        }
        return alerts;
    }
    private List<ServerControls.ControlView> failing;

    public List<ServerControls.ControlView> getFailingControls() {
        if (failing == null) {
            failing = user.isStaff() ? controls.failing() : List.of();
        }
        return failing;
    }

    public List<AgreementView> getExpiringAgreements() {
        if (expiring == null) {
            expiring = user.isStaff() ? agreements.expiringSoon() : List.of();
        }
        return expiring;
    }

    public boolean isJournalReader() {
        return user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.ADMIN);
    }
}
