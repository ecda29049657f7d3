package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@link Permissions} decides what the pages show from the same roles the EJBs allow: this fails when a guard's
 * {@code @RolesAllowed} and the page's rule drift apart (a form shown to someone the EJB refuses, or hidden from
 * someone it accepts). The guards are read by name: the web module never links to a module's internals.
 */
class PermissionsMatchGuardsTest {

    @Test
    void the_status_forms_follow_the_status_guard() throws Exception {
        assertGuardedBy(Permissions.STATUS_EDITORS, "fr.gestan.cloud.hosting.internal.ServerStatusBean",
                "openIncident", "postUpdate", "scheduleMaintenance", "advanceMaintenance");
    }

    @Test
    void the_checkpoint_button_follows_the_journal_guard() throws Exception {
        assertGuardedBy(Permissions.CHECKPOINT_SIGNERS, "fr.gestan.cloud.security.internal.JournalIntegrityBean", "checkpointNow");
    }

    @Test
    void the_requests_queue_follows_the_tenant_service_guard() throws Exception {
        assertGuardedBy(Permissions.REQUEST_HANDLERS, "fr.gestan.cloud.tenants.internal.TenantServiceBean", "closeChangeRequest");
        assertGuardedBy(Permissions.REQUEST_TAKERS, "fr.gestan.cloud.tenants.internal.TenantServiceBean", "takeChangeRequest");
    }

    @Test
    void the_hosted_account_forms_follow_the_accounts_guard() throws Exception {
        assertGuardedBy(Permissions.CREDENTIAL_KEEPERS, "fr.gestan.cloud.tenants.internal.HostedAccountsBean", "create", "reset", "reveal");
    }

    @Test
    void the_staff_register_follows_the_agreements_guard() throws Exception {
        assertGuardedBy(Permissions.AGREEMENT_KEEPERS, "fr.gestan.cloud.security.internal.ConfidentialityAgreementsBean",
                "registerStaff", "recordAgreement");
    }

    @Test
    void the_sign_in_actions_follow_the_realm_guard() throws Exception {
        assertGuardedBy(Permissions.SIGN_IN_GUARDS, "fr.gestan.cloud.security.internal.RealmSecurityBean", "applyPolicy", "unlock");
    }

    @Test
    void the_server_access_actions_follow_the_identities_guard() throws Exception {
        String identities = "fr.gestan.cloud.security.internal.ServerIdentitiesBean";
        assertGuardedBy(Permissions.SERVER_ACCESS_ACKNOWLEDGERS, identities, "acknowledge");
        assertGuardedBy(Permissions.SERVER_IDENTITY_KEEPERS, identities, "add", "remove");
    }

    @Test
    void the_compliance_and_client_actions_follow_their_guards() throws Exception {
        assertGuardedBy(Permissions.COMPLIANCE_EVALUATORS, "fr.gestan.cloud.compliance.internal.report.DailyComplianceReport", "runNow");
        assertGuardedBy(Permissions.CERTIFICATE_ISSUERS, "fr.gestan.cloud.compliance.internal.CertificatesBean",
                "issue", "issueSuperseding", "reissue", "revoke");
        assertGuardedBy(Permissions.CERTIFICATE_ISSUERS, "fr.gestan.cloud.compliance.internal.CertificateBatchJob", "candidates", "run");
        assertGuardedBy(Permissions.PROCESSING_RECORD_KEEPERS, "fr.gestan.cloud.compliance.internal.documents.ProcessingRecordBean",
                "add", "change", "remove");
        assertGuardedBy(Permissions.NOTIFICATION_SENDERS, "fr.gestan.cloud.notifications.internal.NotificationDeskBean",
                "retry", "deliverNow");
        assertGuardedBy(Permissions.TENANT_EDITORS, "fr.gestan.cloud.tenants.internal.TenantServiceBean", "create", "update");
    }

    @Test
    void the_register_control_and_policy_actions_follow_their_guards() throws Exception {
        assertGuardedBy(Permissions.SUB_PROCESSOR_KEEPERS, "fr.gestan.cloud.hosting.internal.SubProcessorsBean", "add", "end");
        assertGuardedBy(Permissions.CONTROL_RECORDERS, "fr.gestan.cloud.security.internal.ServerControlsBean",
                "recordBackup", "recordSnapshot", "recordSoftwareUpdate", "recordFirewallChange", "recordDdosEvent",
                "approveFirewallRuleSet");
        assertGuardedBy(Permissions.POLICY_EDITORS, "fr.gestan.cloud.security.internal.SecurityPoliciesBean", "change");
        for (String ring : List.of("fr.gestan.cloud.security.internal.MacKeysBean", "fr.gestan.cloud.security.internal.CheckpointKeysBean",
                "fr.gestan.cloud.compliance.internal.SigningKeysBean", "fr.gestan.cloud.tenants.internal.SecretKeysBean")) {
            assertGuardedBy(Permissions.KEY_READERS, ring, "keys");
        }
    }

    /**
     * The remaining staff pages (issue 21, item 9) show their actions under the {@code #{may}} rule of the guard each
     * calls: before, each page tested roles of its own ({@code hasRole('support') or hasRole('admin')}).
     */
    @Test
    void the_staff_pages_show_their_actions_under_their_rules() throws Exception {
        assertActionsUnder("admin/compliance/index.xhtml", Map.of("complianceDashboardBean.reevaluate", "may.reevaluateCompliance"));
        assertActionsUnder("admin/compliance/certificates.xhtml", Map.of("certificatesAdminBean.issue", "may.issueCertificates",
                "certificatesAdminBean.confirmSupersede", "may.issueCertificates", "certificatesAdminBean.startBatch", "may.issueCertificates",
                "certificatesAdminBean.reissue(", "may.issueCertificates", "certificatesAdminBean.prepareRevoke(", "may.issueCertificates",
                "certificatesAdminBean.revoke}", "may.issueCertificates"));
        assertActionsUnder("admin/documents.xhtml", Map.of("documentsAdminBean.edit(", "may.manageProcessingRecord",
                "documentsAdminBean.remove(", "may.manageProcessingRecord", "documentsAdminBean.save", "may.manageProcessingRecord"));
        assertActionsUnder("admin/notifications.xhtml", Map.of("notificationDeskBean.sendNow", "may.sendNotifications",
                "notificationDeskBean.retry(", "may.sendNotifications"));
        assertActionsUnder("admin/tenants/index.xhtml", Map.of("#new-tenant", "may.manageTenants"));
        assertActionsUnder("admin/hosting/subprocessors.xhtml", Map.of("subProcessorsAdminBean.add", "may.manageSubProcessors"));
        assertActionsUnder("admin/security/controls.xhtml", Map.of("controlsBean.record", "may.recordControls",
                "controlsBean.approveRuleSet", "may.recordControls"));
        assertActionsUnder("admin/security/policy.xhtml", Map.of("policyBean.save", "may.changePolicy"));
    }

    /**
     * No staff page and no menu entry decides what to show with a role test of its own: every action and every
     * guarded page's entry is under a {@code #{may}} rule.
     */
    @Test
    void no_staff_page_tests_roles_itself() throws Exception {
        List<String> found = new ArrayList<>();
        for (String folder : List.of("src/main/webapp/admin", "src/main/webapp/WEB-INF/nav")) {
            try (var pages = Files.walk(Path.of(folder))) {
                for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                    if (Files.readString(page).contains("hasRole(")) {
                        found.add(page.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "pages deciding with currentUser.hasRole instead of #{may}");
    }

    /**
     * The staff tenant page shows each hosted-account action under the {@code #{may}} rule that matches its guard, not
     * under a role test of its own: {@code hasRole('support')} showed "Créer" and "Réinitialiser" to support staff
     * without a confidentiality agreement, whom the EJB refuses.
     */
    @Test
    void the_tenant_page_shows_account_actions_under_their_rules() throws Exception {
        assertActionsUnder("admin/tenants/edit.xhtml", Map.of("tenantAccountsBean.create", "may.manageAccounts",
                "tenantAccountsBean.reset(", "may.manageAccounts", "tenantAccountsBean.reveal", "may.revealCredentials"));
    }

    /**
     * The security pages show their actions under the {@code #{may}} rule of the guard each action calls, never under a
     * role test written in the page (issue 21: a page's own role test drifts from the EJB's without anyone noticing).
     */
    @Test
    void the_security_pages_show_their_actions_under_their_rules() throws Exception {
        assertActionsUnder("admin/security/agreements.xhtml", Map.of("agreementsBean.register", "may.manageAgreements",
                "agreementsBean.upload", "may.manageAgreements"));
        assertActionsUnder("admin/security/lockouts.xhtml", Map.of("realmBean.apply", "may.manageSignIn",
                "realmBean.unlock", "may.manageSignIn"));
        assertActionsUnder("admin/security/server-access.xhtml", Map.of("serverAccessBean.acknowledge", "may.acknowledgeServerAccess",
                "serverAccessBean.add", "may.manageServerIdentities", "serverAccessBean.remove", "may.manageServerIdentities"));
    }

    /**
     * Each element whose action contains a key (or whose id is a "#key") is rendered under its rule (an ancestor's
     * condition) and no role test.
     */
    private static void assertActionsUnder(String page, Map<String, String> rules) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/webapp", page).toFile());
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            List<Element> actions = elementsWithAction(document.getDocumentElement(), rule.getKey(), new ArrayList<>());
            assertFalse(actions.isEmpty(), rule.getKey() + " is on " + page);
            for (Element action : actions) {
                List<String> conditions = new ArrayList<>();
                for (Node n = action; n instanceof Element e; n = n.getParentNode()) {
                    if (e.hasAttribute("rendered")) {
                        conditions.add(e.getAttribute("rendered"));
                    }
                }
                assertTrue(conditions.stream().anyMatch(c -> c.contains(rule.getValue())),
                        page + ": " + rule.getKey() + " shown under " + conditions + ", not under " + rule.getValue());
                assertTrue(conditions.stream().noneMatch(c -> c.contains("hasRole")), page + ": " + rule.getKey() + " under a role test: " + conditions);
            }
        }
    }

    private static List<Element> elementsWithAction(Element element, String action, List<Element> found) {
        // "#id" names an element that has no action of its own: a link that opens a form ("Nouveau client")
        if (action.startsWith("#") ? element.getAttribute("id").equals(action.substring(1)) : element.getAttribute("action").contains(action)) {
            found.add(element);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                elementsWithAction(e, action, found);
            }
        }
        return found;
    }

    /** Each of the class's methods allows exactly the roles of the page's rule. */
    private static void assertGuardedBy(List<String> rule, String className, String... methods) throws ClassNotFoundException {
        for (String method : methods) {
            assertEquals(set(rule), allowed(className, method), className + "." + method);
        }
    }

    /** The roles a method allows: its own {@code @RolesAllowed}, else its class's. */
    private static Set<String> allowed(String className, String methodName) throws ClassNotFoundException {
        Class<?> bean = Class.forName(className);
        Method method = Arrays.stream(bean.getDeclaredMethods()).filter(m -> m.getName().equals(methodName) && !m.isBridge())
                .findFirst().orElseThrow(() -> new AssertionError(className + "." + methodName + " not found"));
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = bean.getAnnotation(RolesAllowed.class);
        }
        assertNotNull(roles, className + "." + methodName + " has a role guard");
        return set(List.of(roles.value()));
    }

    private static Set<String> set(List<String> roles) {
        return new TreeSet<>(roles);
    }
}
