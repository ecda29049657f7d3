package fr.gestan.cloud.web.layout;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.StaffClearance;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * What the signed-in user may do, for the pages ({@code #{may.manageStatus}}): one method per rule, so that a form
 * is shown only to who can submit it. Each rule asks what the EJB guard asks: the roles of its
 * {@code @RolesAllowed} (the constants below; {@code PermissionsMatchGuardsTest} fails when they
 * drift apart from the EJBs' annotations) or the guard's own query ({@link StaffClearance}). Authorisation itself
 * stays in the EJBs: this only decides what to show.
 */
@Named("may")
@RequestScoped
public class Permissions {

    /** {@code ServerStatusBean.openIncident/postUpdate/scheduleMaintenance/advanceMaintenance}. */
    public static final List<String> STATUS_EDITORS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /** {@code JournalIntegrityBean.checkpointNow} (class-level {@code @RolesAllowed}). */
    public static final List<String> CHECKPOINT_SIGNERS = List.of(Roles.AUDITOR, Roles.ADMIN);
    /** {@code TenantServiceBean.closeChangeRequest} and the taking of a request. */
    public static final List<String> REQUEST_HANDLERS = List.of(Roles.SUPPORT, Roles.ADMIN);

    /** {@code TenantServiceBean.takeChangeRequest}: the support engineers who handle requests. */
    public static final List<String> REQUEST_TAKERS = List.of(Roles.SUPPORT);
    /**
     * {@code HostedAccountsBean.create/reset/reveal} (class-level {@code @RolesAllowed}), each of which also runs
     * {@code StaffClearance.requireCredentialClearance}.
     */
    public static final List<String> CREDENTIAL_KEEPERS = List.of(Roles.SUPPORT);
    /** {@code ConfidentialityAgreementsBean.registerStaff/recordAgreement}: the staff register and its agreements. */
    public static final List<String> AGREEMENT_KEEPERS = List.of(Roles.ADMIN);
    /** {@code RealmSecurityBean.applyPolicy/unlock}: the sign-in policy pushed to Keycloak, locked accounts. */
    public static final List<String> SIGN_IN_GUARDS = List.of(Roles.ADMIN);
    /** {@code ServerIdentitiesBean.acknowledge}: an alert on a server sign-in. */
    public static final List<String> SERVER_ACCESS_ACKNOWLEDGERS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /** {@code ServerIdentitiesBean.add/remove}: who may sign in to the servers (SSH keys, logins). */
    public static final List<String> SERVER_IDENTITY_KEEPERS = List.of(Roles.ADMIN);
    /** {@code DailyComplianceReport.runNow}: evaluate every client's compliance again now. */
    public static final List<String> COMPLIANCE_EVALUATORS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /**
     * {@code CertificatesBean.issue/issueSuperseding/reissue/revoke} and {@code CertificateBatchJob.run} (both
     * class-level {@code @RolesAllowed}).
     */
    public static final List<String> CERTIFICATE_ISSUERS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /** {@code ProcessingRecordBean.add/change/remove}: the clients' records of processing (GDPR art. 30). */
    public static final List<String> PROCESSING_RECORD_KEEPERS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /** {@code NotificationDeskBean.retry/deliverNow}: send the outbox now, retry a failed delivery. */
    public static final List<String> NOTIFICATION_SENDERS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /** {@code TenantServiceBean.create/update} (class-level {@code @RolesAllowed}): create and edit clients. */
    public static final List<String> TENANT_EDITORS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /** {@code SubProcessorsBean.add/end}: the sub-processor register. */
    public static final List<String> SUB_PROCESSOR_KEEPERS = List.of(Roles.ADMIN);
    /**
     * {@code ServerControlsBean.recordBackup/recordSnapshot/recordSoftwareUpdate/recordFirewallChange/recordDdosEvent/
     * approveFirewallRuleSet} (class-level {@code @RolesAllowed}): evidence declared by staff.
     */
    public static final List<String> CONTROL_RECORDERS = List.of(Roles.SUPPORT, Roles.ADMIN);
    /** {@code SecurityPoliciesBean.change}: a new version of the security policy. */
    public static final List<String> POLICY_EDITORS = List.of(Roles.ADMIN);
    /** {@code keys()} of the four key rings (journal MAC, checkpoints, certificates, tenants' secrets): the keys page. */
    public static final List<String> KEY_READERS = List.of(Roles.ADMIN, Roles.AUDITOR);

    @Inject
    HttpServletRequest request;

    @EJB
    StaffClearance clearance;

    private Boolean revealCredentials;

    /** Declare an incident, post its updates, schedule and advance maintenance (status page administration). */
    public boolean isManageStatus() {
        return anyOf(STATUS_EDITORS);
    }

    /** Sign the journal's head now. */
    public boolean isSignCheckpoint() {
        return anyOf(CHECKPOINT_SIGNERS);
    }

    /** Close (and take) the clients' change requests. */
    public boolean isHandleRequests() {
        return anyOf(REQUEST_HANDLERS);
    }

    /** Take a client's change request (become its assignee). */
    public boolean isTakeRequests() {
        return anyOf(REQUEST_TAKERS);
    }

    /**
     * Reveal hosted-account credentials: support staff with a confidentiality agreement valid today, the very query
     * {@code StaffClearance.requireCredentialClearance} runs.
     */
    public boolean isRevealCredentials() {
        if (revealCredentials == null) {
            revealCredentials = request.getUserPrincipal() != null && anyOf(CREDENTIAL_KEEPERS)
                    && clearance.mayRevealCredentials(request.getUserPrincipal().getName());
        }
        return revealCredentials;
    }

    /**
     * Create a hosted account or reset its secret: both hand out a secret, so the guard is the reveal's (same roles,
     * same clearance); a support engineer without a valid agreement no longer sees a form that the EJB refuses.
     */
    public boolean isManageAccounts() {
        return isRevealCredentials();
    }

    /** Register staff members and record their confidentiality agreements. */
    public boolean isManageAgreements() {
        return anyOf(AGREEMENT_KEEPERS);
    }

    /** Push the sign-in policy to the realm and unlock a locked account. */
    public boolean isManageSignIn() {
        return anyOf(SIGN_IN_GUARDS);
    }

    /** Acknowledge an alert raised by a server sign-in. */
    public boolean isAcknowledgeServerAccess() {
        return anyOf(SERVER_ACCESS_ACKNOWLEDGERS);
    }

    /** Add or remove a staff member's server identity. */
    public boolean isManageServerIdentities() {
        return anyOf(SERVER_IDENTITY_KEEPERS);
    }

    /** Evaluate every client's compliance again now (the staff compliance dashboard). */
    public boolean isReevaluateCompliance() {
        return anyOf(COMPLIANCE_EVALUATORS);
    }

    /** Issue, supersede, reissue and revoke certificates, one by one or as a batch. */
    public boolean isIssueCertificates() {
        return anyOf(CERTIFICATE_ISSUERS);
    }

    /** Add, change and remove entries of a client's record of processing. */
    public boolean isManageProcessingRecord() {
        return anyOf(PROCESSING_RECORD_KEEPERS);
    }

    /** Send the notification outbox now and retry a failed delivery. */
    public boolean isSendNotifications() {
        return anyOf(NOTIFICATION_SENDERS);
    }

    /** Create a client and change its details. */
    public boolean isManageTenants() {
        return anyOf(TENANT_EDITORS);
    }

    /** Add a sub-processor to the register (and end one). */
    public boolean isManageSubProcessors() {
        return anyOf(SUB_PROCESSOR_KEEPERS);
    }

    /** Declare a control's evidence for a server (backup, snapshot, update...) and approve a firewall rule set. */
    public boolean isRecordControls() {
        return anyOf(CONTROL_RECORDERS);
    }

    /** Change the security policy. */
    public boolean isChangePolicy() {
        return anyOf(POLICY_EDITORS);
    }

    /** See the key rings (the keys page and its menu entry). */
    public boolean isReadKeys() {
        return anyOf(KEY_READERS);
    }

    private boolean anyOf(List<String> roles) {
        return roles.stream().anyMatch(request::isUserInRole);
    }
}
