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
        for (String method : List.of("openIncident", "postUpdate", "scheduleMaintenance", "advanceMaintenance")) {
            assertEquals(set(Permissions.STATUS_EDITORS), allowed("fr.gestan.cloud.hosting.internal.ServerStatusBean", method), method);
        }
    }

    @Test
    void the_checkpoint_button_follows_the_journal_guard() throws Exception {
        assertEquals(set(Permissions.CHECKPOINT_SIGNERS), allowed("fr.gestan.cloud.security.internal.JournalIntegrityBean", "checkpointNow"));
    }

    @Test
    void the_requests_queue_follows_the_tenant_service_guard() throws Exception {
        assertEquals(set(Permissions.REQUEST_HANDLERS), allowed("fr.gestan.cloud.tenants.internal.TenantServiceBean", "closeChangeRequest"));
        assertEquals(set(Permissions.REQUEST_TAKERS), allowed("fr.gestan.cloud.tenants.internal.TenantServiceBean", "takeChangeRequest"));
    }

    @Test
    void the_hosted_account_forms_follow_the_accounts_guard() throws Exception {
        for (String method : List.of("create", "reset", "reveal")) {
            assertEquals(set(Permissions.CREDENTIAL_KEEPERS), allowed("fr.gestan.cloud.tenants.internal.HostedAccountsBean", method), method);
        }
    }

    @Test
    void the_staff_register_follows_the_agreements_guard() throws Exception {
        for (String method : List.of("registerStaff", "recordAgreement")) {
            assertEquals(set(Permissions.AGREEMENT_KEEPERS), allowed("fr.gestan.cloud.security.internal.ConfidentialityAgreementsBean", method), method);
        }
    }

    @Test
    void the_sign_in_actions_follow_the_realm_guard() throws Exception {
        for (String method : List.of("applyPolicy", "unlock")) {
            assertEquals(set(Permissions.SIGN_IN_GUARDS), allowed("fr.gestan.cloud.security.internal.RealmSecurityBean", method), method);
        }
    }

    @Test
    void the_server_access_actions_follow_the_identities_guard() throws Exception {
        String identities = "fr.gestan.cloud.security.internal.ServerIdentitiesBean";
        assertEquals(set(Permissions.SERVER_ACCESS_ACKNOWLEDGERS), allowed(identities, "acknowledge"));
        for (String method : List.of("add", "remove")) {
            assertEquals(set(Permissions.SERVER_IDENTITY_KEEPERS), allowed(identities, method), method);
        }
    }

    @Test
    void the_compliance_and_client_actions_follow_their_guards() throws Exception {
        assertEquals(set(Permissions.COMPLIANCE_EVALUATORS), allowed("fr.gestan.cloud.compliance.internal.report.DailyComplianceReport", "runNow"));
        for (String method : List.of("issue", "issueSuperseding", "reissue", "revoke")) {
            assertEquals(set(Permissions.CERTIFICATE_ISSUERS), allowed("fr.gestan.cloud.compliance.internal.CertificatesBean", method), method);
        }
        for (String method : List.of("candidates", "run")) {
            assertEquals(set(Permissions.CERTIFICATE_ISSUERS), allowed("fr.gestan.cloud.compliance.internal.CertificateBatchJob", method), method);
        }
        for (String method : List.of("add", "change", "remove")) {
            assertEquals(set(Permissions.PROCESSING_RECORD_KEEPERS),
                    allowed("fr.gestan.cloud.compliance.internal.documents.ProcessingRecordBean", method), method);
        }
        for (String method : List.of("retry", "deliverNow")) {
            assertEquals(set(Permissions.NOTIFICATION_SENDERS), allowed("fr.gestan.cloud.notifications.internal.NotificationDeskBean", method), method);
        }
        for (String method : List.of("create", "update")) {
            assertEquals(set(Permissions.TENANT_EDITORS), allowed("fr.gestan.cloud.tenants.internal.TenantServiceBean", method), method);
        }
    }

    @Test
    void the_register_control_and_policy_actions_follow_their_guards() throws Exception {
        for (String method : List.of("add", "end")) {
            assertEquals(set(Permissions.SUB_PROCESSOR_KEEPERS), allowed("fr.gestan.cloud.hosting.internal.SubProcessorsBean", method), method);
        }
        for (String method : List.of("recordBackup", "recordSnapshot", "recordSoftwareUpdate", "recordFirewallChange",
                "recordDdosEvent", "approveFirewallRuleSet")) {
            assertEquals(set(Permissions.CONTROL_RECORDERS), allowed("fr.gestan.cloud.security.internal.ServerControlsBean", method), method);
        }
        assertEquals(set(Permissions.POLICY_EDITORS), allowed("fr.gestan.cloud.security.internal.SecurityPoliciesBean", "change"));
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
     * No staff page decides what to show with a role test of its own: every action is under a {@code #{may}} rule.
     * Only the navigation ({@code WEB-INF/nav}) may still test roles, for menu entries (which page is listed, not
     * which action is offered: the page itself is guarded by its EJB calls).
     */
    @Test
    void no_staff_page_tests_roles_itself() throws Exception {
        List<String> found = new ArrayList<>();
        try (var pages = Files.walk(Path.of("src/main/webapp/admin"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                if (Files.readString(page).contains("hasRole(")) {
                    found.add(page.toString());
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
