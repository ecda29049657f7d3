package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.openqa.selenium.WebElement;

/**
 * Issue 21 item 3, in Chromium, French then English: the client's journal, the staff journal, compliance details
 * and the incident form speak the user's language only: no raw code ({@code JOURNAL_EXPORTED}, {@code SUCCESS}), no
 * {@code true}/{@code false}, no "30 < 2191 d", no English in a French paginator, validation messages in French.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordsJourneyIT extends BrowserJourney {

    private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");
    private static final Pattern RAW_BOOLEAN = Pattern.compile("\\b(true|false)\\b");
    private static final Pattern RAW_DAYS = Pattern.compile("\\d+ < \\d+ d\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b20\\d\\d-\\d\\d-\\d\\d\\b");

    @Test
    @Order(1)
    void a_client_reads_its_journal_and_compliance_in_words_in_french_then_english() throws Exception {
        signInAt("portal/security/journal.xhtml", "client.demo", "Gestan-Client-2026!");
        // an action of the client's own, journaled as JOURNAL_EXPORTED
        browser.open(Http.HTTPS + "portal/security/journal-export");
        for (String language : List.of("fr", "en")) {
            language(language, "portal/security/journal.xhtml");
            // the export shows as words once the journal has taken it in (reloading, as the client would)
            String exported = "fr".equals(language) ? "Journal exporté" : "Journal exported";
            browser.waitUntil(d -> {
                if (d.findElement(By.id("entries")).getText().contains(exported)) {
                    return true;
                }
                d.navigate().refresh();
                return false;
            });
            WebElement entries = browser.find(By.id("entries"));
            assertWords(language + " client journal", entries.getText());
            assertPaginatorIfAny(language);
            browser.screenshot("words-01-client-journal-" + language);

            language(language, "portal/compliance.xhtml");
            assertWords(language + " client compliance", content());
            browser.screenshot("words-02-client-compliance-" + language);
        }
        signOut();
    }

    @Test
    @Order(2)
    void staff_read_the_journal_and_the_compliance_details_in_words() throws Exception {
        signInAt("admin/security/journal.xhtml", "admin.demo", "Gestan-Admin-2026!");
        for (String language : List.of("fr", "en")) {
            language(language, "admin/security/journal.xhtml");
            WebElement entries = browser.find(By.id("entries-form:entries"));
            assertFalse(entries.findElements(By.cssSelector("tbody tr")).isEmpty(), "the journal shows entries");
            assertWords(language + " staff journal", entries.getText());
            assertPaginatorIfAny(language);
            browser.screenshot("words-03-staff-journal-" + language);

            language(language, "admin/compliance/index.xhtml");
            List<WebElement> tenants = browser.driver().findElements(By.cssSelector("[id='dashboard:tenants'] tbody a"));
            assertFalse(tenants.isEmpty(), "the compliance dashboard lists tenants");
            assertPaginator(language); // a paginated table that reports its page: "(1 sur 1)", "(1 of 1)"
            tenants.get(0).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("admin/compliance/tenant"));
            browser.find(By.id("overall"));
            String details = content();
            assertWords(language + " compliance details", details);
            assertFalse(details.contains("R4-SECNUMCLOUD"), "rules are named, not numbered: " + details);
            browser.screenshot("words-04-compliance-details-" + language);
        }
        signOut();
    }

    @Test
    @Order(3)
    void an_empty_incident_is_refused_in_the_users_language() throws Exception {
        signInAt("admin/hosting/status.xhtml", "support.demo", "Gestan-Support-2026!");
        String french = emptyIncidentRefusal("fr");
        assertTrue(french.contains("Le titre est obligatoire"), french);
        assertFalse(french.matches("(?s).*\\b(required|must|blank|empty)\\b.*"), "no English on the French form: " + french);
        browser.screenshot("words-05-incident-refused-fr");

        String english = emptyIncidentRefusal("en");
        assertTrue(english.contains("A title is required"), english);
        assertFalse(english.contains("obligatoire"), "no French on the English form: " + english);
        browser.screenshot("words-06-incident-refused-en");
        language("fr", "admin/hosting/status.xhtml");
        signOut();
    }

    /** Opens an incident without a title in {@code lang}; returns the messages shown. */
    private static String emptyIncidentRefusal(String lang) {
        language(lang, "admin/hosting/status.xhtml");
        browser.find(By.id("open:submit")).click();
        return browser.waitUntil(d -> {
            String m = d.findElement(By.id("messages")).getText();
            return m.isBlank() ? null : m;
        });
    }

    /** Chooses the language the way a user does (the header's switch), landing on {@code page}. */
    private static void language(String language, String page) {
        browser.open(Http.HTTPS + "language?lang=" + language + "&next=/" + page);
        browser.waitUntil(d -> d.findElement(By.tagName("html")).getAttribute("lang").startsWith(language)
                && d.getCurrentUrl().contains(page.replaceAll("\\.xhtml$", "")));
    }

    private static String content() {
        return browser.find(By.id("main")).getText();
    }

    private static void assertWords(String where, String text) {
        Matcher code = RAW_CODE.matcher(text);
        assertFalse(code.find(), where + ": raw code " + (code.hitEnd() ? "" : code.group()) + " in\n" + text);
        Matcher bool = RAW_BOOLEAN.matcher(text);
        assertFalse(bool.find(), where + ": raw boolean in\n" + text);
        assertFalse(RAW_DAYS.matcher(text).find(), where + ": raw days in\n" + text);
        assertFalse(ISO_DATE.matcher(text).find(), where + ": ISO date instead of the language's format in\n" + text);
    }

    private static void assertPaginator(String language) {
        String report = browser.find(By.cssSelector(".ui-paginator-current")).getText();
        assertPaginatorText(language, report);
    }

    private static void assertPaginatorIfAny(String language) {
        // PrimeFaces' paginators, and the plain pages of the client's journal (docs/performance.md 4.35)
        for (WebElement report : browser.driver().findElements(By.cssSelector(".ui-paginator-current, .pager-current"))) {
            assertPaginatorText(language, report.getText());
        }
    }

    private static void assertPaginatorText(String language, String report) {
        if ("fr".equals(language)) {
            assertTrue(report.matches("\\(\\d+ sur \\d+\\)"), "French paginator: " + report);
        } else {
            assertTrue(report.matches("\\(\\d+ of \\d+\\)"), "English paginator: " + report);
        }
        assertEquals(report.trim(), report);
    }
}
