package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.env.KeycloakFixture;
import fr.gestan.cloud.it.support.Ids;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What issue 21 found in forms and navigation (items 1, 9, 10): labels by their own fields on every staff and portal
 * page, a confirmation before suspending, each role shown only what it may do (and told why where it helps), error
 * pages in the user's own frame, one current navigation item, the portal's grouped menu with the pages' titles, and
 * the requests queue with status, filter and assignee.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UxFormsJourneyIT extends BrowserJourney {

    private static final String BASE = Http.HTTPS;

    @Test
    @Order(1)
    void the_staff_tenant_form_puts_each_label_by_its_own_field_and_suspending_asks_first() throws Exception {
        signInAt("admin/tenants/edit", "support.demo", "Gestan-Support-2026!");
        FormLabels.check(browser.driver());
        // The check catches the layout issue 21 found: the fields of a 4-column grid laid out one cell per element.
        ((JavascriptExecutor) browser.driver()).executeScript("""
                for (const grid of document.querySelectorAll('.form-grid')) {
                  grid.style.gridTemplateColumns = 'repeat(4, 1fr)';
                  for (const field of [...grid.querySelectorAll(':scope > .field')]) { field.replaceWith(...field.childNodes); }
                }""");
        List<String> scrambled = FormLabels.problems(browser.driver());
        assertTrue(scrambled.stream().anyMatch(p -> p.contains("SIREN")), "the scrambled grid is caught: " + scrambled);

        String support = "Bearer " + KeycloakFixture.accessToken("support.demo", "Gestan-Support-2026!");
        HttpResponse<String> created = Http.send("POST", BASE + "api/v1/tenants", "{\"legalName\":\"Atelier Confirmé "
                + (System.nanoTime() % 100_000) + "\",\"siren\":\"" + Ids.siren() + "\",\"address\":{\"line1\":\"1 rue Haute\","
                + "\"postalCode\":\"69001\",\"city\":\"Lyon\",\"countryCode\":\"FR\"},\"administrative\":{\"name\":\"Ana Lys\","
                + "\"email\":\"ana@atelier.example\"},\"dataKinds\":[]}", "Authorization", support);
        assertEquals(201, created.statusCode(), created.body());
        browser.open(BASE + "admin/tenants/edit?id=" + idIn(created.body())); // checks the labels of every form there
        browser.screenshot("uxforms-01-tenant-form");

        browser.find(By.id("state:reason")).sendKeys("Impayé de novembre");
        browser.find(By.id("state:suspend")).click();
        WebElement dialog = browser.waitUntil(d -> d.findElement(By.id("confirm")).isDisplayed() ? d.findElement(By.id("confirm")) : null);
        assertTrue(String.valueOf(dialog.getAttribute("role")).matches("dialog|alertdialog"), "a dialog for assistive technologies");
        assertTrue(dialog.getText().contains("Suspendre ce client"), dialog.getText());
        browser.screenshot("uxforms-02-suspend-confirmation");
        // The safe answer has the focus: Enter, pressed at once, answers "Non" and changes nothing.
        assertEquals("confirm-no", focusInDialog(), "the dialog opens on Non");
        countRequests();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitUntil(d -> !d.findElement(By.id("confirm")).isDisplayed());
        // PrimeFaces gives the focus back to the button that opened the dialog 100 ms after closing it; opening it
        // again before that lets the late return take the focus out of the new dialog.
        assertEquals("state:suspend", focusBackOnOpener(), "the focus returns to the button that opened the dialog");
        // "Oui" would have sent the suspension within the key press (an AJAX request, or the page left): neither happened
        assertEquals(0L, requestsSent(), "no request on Enter");
        assertTrue(browser.find(By.id("tenant-state")).getAttribute("class").contains("state-ACTIVE"), "nothing happened on Enter");
        // Escape closes it as "Non" too.
        browser.find(By.id("state:suspend")).click();
        browser.waitUntil(d -> d.findElement(By.id("confirm")).isDisplayed());
        assertEquals("confirm-no", focusInDialog());
        countRequests();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUntil(d -> !d.findElement(By.id("confirm")).isDisplayed());
        assertEquals("state:suspend", focusBackOnOpener(), "the focus returns to the button that opened the dialog");
        assertEquals(0L, requestsSent(), "no request on Escape");
        assertTrue(browser.find(By.id("tenant-state")).getAttribute("class").contains("state-ACTIVE"), "nothing happened on Escape");

        browser.find(By.id("state:suspend")).click();
        browser.waitUntil(d -> d.findElement(By.id("confirm")).isDisplayed());
        countRequests();
        browser.find(By.id("confirm-yes")).click();
        browser.waitUntil(d -> d.findElement(By.id("tenant-state")).getAttribute("class").contains("state-SUSPENDED"));
        assertTrue(requestsSent() >= 1, "the count sees the request of Oui, so its zero above meant no request");
    }

    @Test
    @Order(2)
    void every_staff_and_portal_page_has_each_label_by_its_own_field() throws Exception {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String boulangerie = idIn(Http.get(BASE + "api/v1/tenants?q=842317653", "Authorization",
                "Bearer " + KeycloakFixture.accessToken("support.demo", "Gestan-Support-2026!")).body());
        String[] staffPages = {"admin/", "admin/tenants/", "admin/tenants/edit", "admin/tenants/edit?id=" + boulangerie,
                "admin/tenants/requests", "admin/hosting/", "admin/hosting/?form=server", "admin/hosting/?form=operator", "admin/hosting/?form=ownership",
                "admin/hosting/?form=certification", "admin/hosting/contracts", "admin/hosting/recovery",
                "admin/hosting/recovery?form=settings", "admin/hosting/recovery?form=drill",
                "admin/hosting/status", "admin/hosting/subprocessors", "admin/compliance/", "admin/compliance/certificates",
                "admin/documents", "admin/notifications", "admin/security/agreements", "admin/security/controls",
                "admin/security/journal", "admin/security/keys", "admin/security/lockouts", "admin/security/policy",
                "admin/security/server-access"};
        for (String[] who : new String[][]{{"support.demo", "Gestan-Support-2026!"}, {"admin.demo", "Gestan-Admin-2026!"},
                {"auditor.demo", "Gestan-Audit-2026!"}}) {
            signInAt("admin/", who[0], who[1]);
            sweep(staffPages, who[0], problems);
        }
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        sweep(new String[]{"portal/", "portal/tenants/company", "portal/tenants/accounts", "portal/tenants/export",
                "portal/tenants/users", "portal/tenants/api-clients", "portal/hosting", "portal/subprocessors",
                "portal/compliance", "portal/certificates", "portal/documents", "portal/security/journal",
                "portal/notifications"}, "client.demo", problems);
        assertTrue(problems.isEmpty(), () -> "misplaced or missing labels:\n" + problems);
    }

    /**
     * Counts from now on the AJAX requests the page sends (PrimeFaces' own, which it announces as "pfAjaxSend", and
     * jQuery's others), on this page only.
     */
    private static void countRequests() {
        script("window.__gestanRequests = 0; if (!window.__gestanCounting) { window.__gestanCounting = true;"
                + " jQuery(document).on('pfAjaxSend ajaxSend', () => window.__gestanRequests++); }");
    }

    /**
     * The requests sent since {@link #countRequests()} once none is under way; the page left (a full post) counts as
     * one, since the new page carries no count.
     */
    private static long requestsSent() {
        browser.awaitAjax();
        Object sent = script("return window.__gestanRequests === undefined ? 1 : window.__gestanRequests;");
        return ((Number) sent).longValue();
    }

    /** The id of the focused element once the focus has moved into the dialog (PrimeFaces moves it after showing). */
    private static String focusInDialog() {
        return browser.waitUntil(d -> (String) ((JavascriptExecutor) d).executeScript(
                "const f = document.activeElement; return f && f.closest('#confirm') ? f.id : null;"));
    }

    /** The id of the focused element once the focus has left the closed dialog for the page. */
    private static String focusBackOnOpener() {
        return browser.waitUntil(d -> (String) ((JavascriptExecutor) d).executeScript(
                "const f = document.activeElement; return f && f !== document.body && !f.closest('#confirm') ? f.id : null;"));
    }

    private static void sweep(String[] pages, String who, Map<String, List<String>> problems) {
        for (String page : pages) {
            browser.driver().get(BASE + page);
            browser.find(By.tagName("h1"));
            List<String> found = FormLabels.problems(browser.driver());
            if (!found.isEmpty()) {
                problems.put(who + " " + page, found);
            }
        }
    }

    @Test
    @Order(3)
    void each_role_sees_only_the_forms_it_may_use_and_error_pages_keep_its_navigation() throws Exception {
        signInAt("admin/hosting/status", "auditor.demo", "Gestan-Audit-2026!");
        assertTrue(browser.find(By.id("status-readonly")).getText().contains("réservés au support"));
        for (String form : new String[]{"open:submit", "update:post", "maintenance:schedule"}) {
            assertTrue(browser.driver().findElements(By.id(form)).isEmpty(), form + " is not shown to an auditor");
        }
        browser.screenshot("uxforms-03-auditor-status");
        // the pages converted from role tests to #{may} rules: an auditor reads certificates and the policy, changes nothing
        browser.open(BASE + "admin/compliance/certificates");
        browser.find(By.id("certificates"));
        for (String action : new String[]{"issue:issue-button", "batch:start"}) {
            assertTrue(browser.driver().findElements(By.id(action)).isEmpty(), action + " is not shown to an auditor");
        }
        assertTrue(browser.driver().findElements(By.cssSelector(".cert-reissue, .cert-revoke")).isEmpty(), "no reissue or revoke for an auditor");
        browser.open(BASE + "admin/security/policy");
        browser.find(By.tagName("h1"));
        assertTrue(browser.driver().findElements(By.id("change:save")).isEmpty(), "the policy form is not shown to an auditor");
        // a missing page keeps the staff frame: navigation, identity and role
        browser.driver().get(BASE + "admin/no-such-page");
        browser.find(By.id("error-title"));
        assertFalse(browser.driver().findElements(By.cssSelector("#nav a[href*='/admin/index']")).isEmpty(),
                "the staff navigation on the 404 page");
        assertTrue(browser.find(By.id("identity-role")).isDisplayed());
        assertTrue(browser.find(By.id("error-home")).getAttribute("href").endsWith("/admin/"));
        browser.screenshot("uxforms-04-staff-404");

        signInAt("admin/hosting/status", "support.demo", "Gestan-Support-2026!");
        assertTrue(browser.driver().findElements(By.id("status-readonly")).isEmpty());
        browser.find(By.id("open:submit"));
        browser.open(BASE + "admin/compliance/certificates");
        browser.find(By.id("issue:issue-button"));
        browser.find(By.id("batch:start"));
        String boulangerie = idIn(Http.get(BASE + "api/v1/tenants?q=842317653", "Authorization",
                "Bearer " + KeycloakFixture.accessToken("support.demo", "Gestan-Support-2026!")).body());

        // The admin is told why the reveal form is absent (only NDA-bound support reveals credentials).
        signInAt("admin/security/policy", "admin.demo", "Gestan-Admin-2026!");
        browser.find(By.id("change:save"));
        browser.open(BASE + "admin/tenants/edit?id=" + boulangerie);
        browser.find(By.id("accounts-card"));
        if (!browser.driver().findElements(By.cssSelector("#account-table tbody tr td code")).isEmpty()) {
            assertTrue(browser.find(By.id("reveal-absent")).getText().contains("accord de confidentialité"));
            assertTrue(browser.driver().findElements(By.id("reveal:reveal-button")).isEmpty());
            browser.screenshot("uxforms-05-admin-reveal-absent");
        }

        // A client refused a staff page keeps the portal's frame.
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        browser.driver().get(BASE + "admin/tenants/");
        assertTrue(browser.find(By.id("error-title")).getAttribute("class").contains("error-403"));
        assertFalse(browser.driver().findElements(By.cssSelector("#nav a[href*='/portal/tenants/company']")).isEmpty(), "the portal navigation on the 403 page");
        assertEquals("Boulangerie Martin SARL", browser.find(By.id("tenant-name")).getText());
        assertTrue(browser.find(By.id("error-home")).getAttribute("href").endsWith("/portal/"));
        browser.screenshot("uxforms-06-client-403");
    }

    @Test
    @Order(4)
    void one_navigation_item_is_current_and_the_portal_menu_is_grouped_with_the_pages_titles() throws Exception {
        signInAt("admin/compliance/certificates", "support.demo", "Gestan-Support-2026!");
        List<WebElement> current = browser.driver().findElements(By.cssSelector("#nav a[aria-current='page']"));
        assertEquals(1, current.size(), "one current item");
        assertTrue(current.get(0).getAttribute("href").contains("/admin/compliance/certificates"));
        browser.open(BASE + "admin/compliance/");
        assertEquals(1, browser.driver().findElements(By.cssSelector("#nav a[aria-current='page']")).size());

        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        Map<String, String> links = new LinkedHashMap<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector("#nav a"))) {
            links.put(a.getAttribute("href"), a.getAttribute("textContent").trim());
        }
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> link : links.entrySet()) {
            browser.open(link.getKey());
            String title = browser.driver().getTitle();
            String pageTitle = title.substring(0, title.lastIndexOf(" · ")).trim();
            if (!pageTitle.equals(link.getValue())) {
                mismatches.add(link.getValue() + " ≠ " + pageTitle);
            }
            List<WebElement> marked = browser.driver().findElements(By.cssSelector("#nav a[aria-current='page']"));
            if (marked.size() != 1 || !marked.get(0).getAttribute("href").equals(link.getKey())) {
                mismatches.add(link.getKey() + ": " + marked.size() + " current items");
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.toString());
        assertTrue(links.size() >= 9, links.toString());

        // Grouped: the home entry, then menus under headings; every other entry inside one of them.
        browser.open(BASE + "portal/certificates");
        List<String> headings = browser.driver().findElements(By.cssSelector("#nav details.nav-menu > summary")).stream()
                .map(h -> h.getAttribute("textContent").trim()).toList();
        assertEquals(List.of("Entreprise et accès", "Hébergement", "Conformité et preuves"), headings);
        assertEquals(4, browser.driver().findElements(By.cssSelector("#nav > ul > li")).size(), "four top-level entries");
        assertEquals(1, browser.driver().findElements(By.cssSelector("#nav > ul > li.nav-item > a")).size(), "only the home outside a menu");
        assertEquals(links.size() - 1, browser.driver().findElements(By.cssSelector("#nav details.nav-menu a")).size());
        // One item marked: the page's entry, and its group's heading drawn as current (the only one).
        assertEquals("navgroup-compliance", script("return [...document.querySelectorAll('#nav details')]"
                + ".filter(d => d.querySelector(\"a[aria-current='page']\")).map(d => d.id).join(' ')"));
        assertEquals("600", script("return getComputedStyle(document.querySelector('#navgroup-compliance > summary')).fontWeight"));
        assertEquals("400", script("return getComputedStyle(document.querySelector('#navgroup-hosting > summary')).fontWeight"));

        // The keyboard: Enter on a heading opens its menu, Tab enters it, Escape closes it back onto the heading.
        WebElement heading = browser.find(By.cssSelector("#navgroup-compliance > summary"));
        assertFalse(browser.find(By.cssSelector("#nav a[aria-current='page']")).isDisplayed(), "menus start closed");
        heading.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> d.findElement(By.cssSelector("#nav a[aria-current='page']")).isDisplayed());
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("A", script("return document.activeElement.tagName"));
        assertEquals("navgroup-compliance", script("return document.activeElement.closest('details').id"));
        browser.screenshot("uxforms-07-portal-menu-open");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUntil(d -> d.findElement(By.id("navgroup-compliance")).getAttribute("open") == null);
        assertEquals("SUMMARY", script("return document.activeElement.tagName"));
        // One menu open at a time.
        browser.find(By.cssSelector("#navgroup-company > summary")).click();
        browser.find(By.cssSelector("#navgroup-hosting > summary")).click();
        browser.waitUntil(d -> d.findElement(By.id("navgroup-company")).getAttribute("open") == null);

        // A phone: an open menu stays within the screen, each entry visible.
        browser.phone(true);
        try {
            browser.open(BASE + "portal/");
            browser.find(By.cssSelector("#navgroup-company > summary")).click();
            browser.waitUntil(d -> d.findElement(By.cssSelector("#navgroup-company a")).isDisplayed());
            assertEquals(0L, ((Number) script("return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)")).longValue(),
                    "no sideways scroll with a menu open");
            assertEquals(0L, ((Number) script("return [...document.querySelectorAll('#navgroup-company a')].filter(a => "
                    + "a.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || !a.offsetParent).length")).longValue());
            browser.screenshot("uxforms-07-portal-menu-phone");
        } finally {
            browser.phone(false);
        }
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }

    @Test
    @Order(5)
    void the_requests_queue_shows_status_and_assignee_filters_by_status_and_support_takes_a_request() throws Exception {
        String text = "Adresse de livraison changée " + System.nanoTime();
        signInAt("portal/tenants/company", "client.demo", "Gestan-Client-2026!");
        browser.find(By.id("change:text")).sendKeys(text);
        browser.find(By.id("change:send")).click();
        browser.waitUntil(d -> d.findElement(By.id("change-requests")).getText().contains(text));

        signInAt("admin/tenants/requests", "support.demo", "Gestan-Support-2026!");
        WebElement row = rowOf(text);
        assertEquals("Nouvelle", row.findElement(By.cssSelector(".request-status")).getText());
        assertEquals("Personne", row.findElement(By.cssSelector(".request-assignee")).getText());
        browser.screenshot("uxforms-08-requests-queue");
        row.findElement(By.cssSelector("button[id$=':take']")).click();
        browser.waitUntil(d -> rowOf(text).findElement(By.cssSelector(".request-assignee")).getText().equals("support.demo"));
        assertEquals("En cours", rowOf(text).findElement(By.cssSelector(".request-status")).getText());
        assertTrue(rowOf(text).findElements(By.cssSelector("button[id$=':take']")).isEmpty(), "taken: no Take button");

        filter("Nouvelles");
        browser.waitUntil(d -> !d.findElement(By.id("changes:change-list")).getText().contains(text) || lastPageLacks(text));
        filter("En cours");
        rowOf(text);
        browser.screenshot("uxforms-09-requests-in-progress");
    }

    /**
     * The agreement upload passes axe-core with no exemption (issue 21: PrimeFaces' simple upload kept a focusable
     * input under aria-hidden, its menu named an empty combobox), and its native fields still record the signed PDF.
     */
    @Test
    @Order(6)
    void the_agreement_upload_form_passes_axe_and_says_when_the_file_is_missing() throws Exception {
        signInAt("admin/security/agreements", "admin.demo", "Gestan-Admin-2026!");
        registerAuditor(); // someone to choose in the upload form

        assertEquals(List.of(), AccessibilityAudit.violationsOf(browser.driver(), "agreements"), "axe on the upload form");
        assertEquals(".pdf,application/pdf", browser.find(By.id("upload:file")).getAttribute("accept"));
        // The same form with no one to choose (a first installation): still named, still no violation.
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('upload:who').replaceChildren();");
        assertEquals(List.of(), AccessibilityAudit.violationsOf(browser.driver(), "agreements, empty list"), "axe with no staff");
        browser.open(BASE + "admin/security/agreements");

        // No file: said, not the error page.
        browser.find(By.id("upload:send")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("Choisissez le document signé"));
    }

    /**
     * The upload itself through the native file field, and its days in the product's one date format. The dates are
     * typed one after the other as a hurried user would, straight from one field to the next: the date fields open
     * their calendar from their button only (showOnFocus="false"), so no calendar opens, closes or takes the focus
     * back while typing. Before, the first field's calendar, closing, took the focus back and the second date's last
     * keys landed in the first field ("04/12/202628"), refused by the server (docs/web.md).
     */
    @Test
    @Order(8)
    void the_agreement_upload_records_the_signed_pdf() throws Exception {
        signInAt("admin/security/agreements", "admin.demo", "Gestan-Admin-2026!");
        String member = registerAuditor();

        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("agreement-", ".pdf");
        java.nio.file.Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("upload:who"))).selectByValue(member);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String signed = today.minusDays(1).format(day);
        String expires = today.plusYears(2).format(day);
        WebElement signedField = browser.find(By.id("upload:signed_input"));
        signedField.click();
        signedField.sendKeys(signed);
        // straight on to the next date with the keyboard, as a fast typist does
        signedField.sendKeys(Keys.TAB);
        assertFalse(calendarShown(), "no calendar opens on focus or while typing");
        WebElement expiresField = browser.find(By.id("upload:expires_input"));
        expiresField.click();
        expiresField.sendKeys(expires);
        browser.find(By.id("upload:file")).sendKeys(pdf.toString());
        assertEquals(signed, browser.find(By.id("upload:signed_input")).getDomProperty("value"), "the first date as typed");
        assertEquals(expires, browser.find(By.id("upload:expires_input")).getDomProperty("value"), "the second date as typed");
        assertFalse(calendarShown(), "still no calendar once both dates are in");

        WebElement send = browser.find(By.id("upload:send"));
        send.click();
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(send)::apply);
        String said = browser.find(By.tagName("main")).getText();
        assertTrue(said.contains("Accord de " + member + " enregistré"), said.substring(0, Math.min(400, said.length())));
        WebElement row = browser.find(By.xpath("//*[@id='staff']//tr[contains(., '" + member + "')]"));
        assertTrue(row.getText().contains("valable") && row.getText().contains(pdf.getFileName().toString()), "row: " + row.getText());
        // the product's one date format (dd/MM/yyyy), in the table and in the message, never ISO days
        assertTrue(row.getText().contains(signed) && row.getText().contains(expires), "dates as dd/MM/yyyy: " + row.getText());
        assertTrue(said.contains("jusqu’au " + expires), "the message's date as dd/MM/yyyy: " + said);
        assertFalse(row.getText().matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), "no ISO day in the row: " + row.getText());
        browser.screenshot("uxforms-10-agreement-recorded");

        // the calendar is still there for who wants it: each date's button opens it
        List<WebElement> buttons = browser.driver().findElements(By.cssSelector("#upload .ui-datepicker-trigger"));
        assertEquals(2, buttons.size(), "a calendar button per date");
        buttons.get(0).click();
        browser.waitUntil(d -> calendarShown());
        browser.screenshot("uxforms-12-calendar-from-its-button");
    }

    /** Registers a new auditor on the agreements page, which it then opens afresh: its username. */
    private static String registerAuditor() {
        String member = "agr-" + System.nanoTime() % 1_000_000;
        browser.find(By.id("register:username")).sendKeys(member);
        browser.find(By.id("register:name")).sendKeys("Agent Accord");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("register:role"))).selectByValue("auditor");
        browser.find(By.id("register:save")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("Membre du personnel " + member + " enregistré"));
        browser.open(BASE + "admin/security/agreements");
        return member;
    }

    /** Whether a date field's calendar (PrimeFaces appends its panel to the body, hidden until shown) is on screen. */
    private static boolean calendarShown() {
        return browser.driver().findElements(By.cssSelector(".p-datepicker-panel")).stream().anyMatch(WebElement::isDisplayed);
    }

    /**
     * A field whose form has no message of its own for it (the contract's start date) still says what is wrong when
     * its value does not convert: the page's messages show it with the field's label (UnseenFieldMessages). Before,
     * the form came back with no word and nothing recorded (how the agreement upload once failed in a loaded run).
     */
    @Test
    @Order(7)
    void a_date_that_does_not_parse_is_said_even_where_the_field_has_no_message_of_its_own() throws Exception {
        signInAt("admin/hosting/contracts", "support.demo", "Gestan-Support-2026!");
        // what a hurried keyboard leaves in the field, set directly so that the calendar's own handling cannot tidy it
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('create:start_input').value = '31/31/20x6';");
        browser.find(By.id("create:submit")).click();
        String said = browser.waitUntil(d -> {
            String text = d.findElement(By.id("messages")).getText();
            return text.contains("Début") ? text : null;
        });
        assertFalse(said.contains("create:start"), "the field named by its label, not its id: " + said);
        browser.screenshot("uxforms-11-unreadable-date-said");
    }

    private static void filter(String label) {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("changes:status"))).selectByVisibleText(label);
        browser.find(By.id("changes:apply")).click();
        browser.awaitAjax();
    }

    private static boolean lastPageLacks(String text) {
        goToLastPage();
        return !browser.driver().findElement(By.id("changes:change-list")).getText().contains(text);
    }

    /** The queue's row holding {@code text} (oldest first: the newest is on the last page). */
    private static WebElement rowOf(String text) {
        return browser.waitUntil(d -> {
            goToLastPage();
            List<WebElement> rows = d.findElements(By.xpath("//*[@id='changes:change-list']//tr[contains(., '" + text + "')]"));
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    private static void goToLastPage() {
        List<WebElement> last = browser.driver().findElements(By.cssSelector("#changes\\:change-list .ui-paginator-last"));
        if (!last.isEmpty() && !last.get(0).getAttribute("class").contains("ui-state-disabled")) {
            last.get(0).click();
            browser.awaitAjax();
        }
    }

    private static String idIn(String json) {
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertTrue(id.find(), json);
        return id.group(1);
    }
}
