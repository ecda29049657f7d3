package fr.gestan.cloud.web.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A tenant's page builds each action form only for the staff whose role may use it: under a {@code c:if} on that
 * role's permission (which a postback does not change), its {@code rendered} kept for the record's state; and its
 * hosted accounts are a plain table, no PrimeFaces DataTable (docs/performance.md, "staff pages' CPU per view against the home page's").
 */
class TenantPageFormsTest {

    private static final Path PAGE = Path.of("src/main/webapp/admin/tenants/edit.xhtml");
    private static final Pattern FORM = Pattern.compile("(?s)<h:form id=\"(state|invite|reveal)\".*?</h:form>");
    private static final Pattern GUARDED = Pattern.compile("(?s)<c:if test=\"#\\{may\\.(\\w+)}\">\\s*(<h:form id=\"(\\w+)\"|<h:panelGroup[^>]*may\\.manageAccounts and).*?</c:if>");

    @Test
    void each_action_form_is_built_only_for_the_role_that_may_use_it() throws IOException {
        String page = Files.readString(PAGE);
        List<String> guarded = new ArrayList<>();
        Matcher m = GUARDED.matcher(page);
        while (m.find()) {
            guarded.add(m.group(1) + ":" + (m.group(3) == null ? "create-account" : m.group(3)));
        }
        assertEquals(List.of("manageTenants:state", "manageTenants:invite", "manageAccounts:create-account", "revealCredentials:reveal"),
                guarded);
        String unguarded = GUARDED.matcher(page).replaceAll("");
        assertFalse(FORM.matcher(unguarded).find(), "no action form outside its role's c:if");
        assertTrue(page.contains("<h:form id=\"state\" rendered=\"#{tenantPageBean.editable and not tenantPageBean.creating}\">"),
                "the record's state still decides whether it shows, after a postback too");
    }

    @Test
    void the_hosted_accounts_are_a_plain_table_keeping_the_reset_buttons_ids() throws IOException {
        String page = Files.readString(PAGE);
        assertFalse(page.contains("p:dataTable"));
        assertTrue(page.contains("<ui:repeat id=\"account-list\" value=\"#{tenantAccountsBean.list}\" var=\"a\">"));
        assertTrue(page.contains("<p:commandButton id=\"reset\""));
    }
}
