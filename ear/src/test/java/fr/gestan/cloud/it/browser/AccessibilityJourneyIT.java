package fr.gestan.cloud.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Every page of each area, in French and in English, passes axe-core (the other journeys audit the pages they meet
 * in French; {@link BrowserJourney} fails a test on any serious or critical violation), and fits a 390 px phone
 * without sideways scrolling. The pages are those the area's navigation leads to and the pages their content links to
 * (one level down), as a user who clicks around meets them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityJourneyIT extends BrowserJourney {

    /** The client's journal fills this many pages of 25 (its paginator, and the back office's, at ten pages). */
    static final int JOURNAL_PAGES = 10;

    @Test
    void public_pages_pass_in_both_languages_and_fit_a_phone() {
        browser.forgetAllSessions();
        browser.open(Http.HTTPS);
        List<String> pages = pagesOf("/");
        visitInBothLanguages(pages);
        assertFitPhone(pages);
    }

    @Test
    void client_portal_pages_pass_in_both_languages_and_fit_a_phone() throws Exception {
        journalOfTenPages();
        signInAt("portal/", "client.demo", "Gestan-Client-2026!");
        List<String> pages = pagesOf("/portal/");
        visitInBothLanguages(pages);
        assertFitPhone(pages);
    }

    @Test
    void back_office_pages_pass_in_both_languages() throws Exception {
        journalOfTenPages();
        signInAt("admin/", "admin.demo", "Gestan-Admin-2026!");
        List<String> pages = new ArrayList<>(pagesOf("/admin/"));
        // the recovery plan's forms, each opened by a link of that page (?form=): one level further than pagesOf reads
        pages.add(Http.HTTPS + "admin/hosting/recovery.xhtml?form=settings");
        pages.add(Http.HTTPS + "admin/hosting/recovery.xhtml?form=drill");
        visitInBothLanguages(pages);
    }

    /**
     * The demo company's journal fills {@value #JOURNAL_PAGES} pages (test page {@link JournalPagesFixtureServlet}): a
     * paginator's page-number link "10" failed axe-core's colour contrast on the back office's journal at ten pages.
     */
    private static void journalOfTenPages() throws Exception {
        HttpResponse<String> answer;
        try {
            answer = Http.get(Http.HTTPS + "it/journal-pages?pages=" + JOURNAL_PAGES);
        } catch (java.net.http.HttpConnectTimeoutException firstHandshake) {
            // the server's first HTTPS connection generates its self-signed certificate: slow on a loaded machine
            answer = Http.get(Http.HTTPS + "it/journal-pages?pages=" + JOURNAL_PAGES);
        }
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(Long.parseLong(answer.body().trim()) > (JOURNAL_PAGES - 1) * 25L, answer.body());
    }

    /**
     * The area's navigation entries, then the pages of the same area their content links to. The navigation's pages
     * are opened (in French, the browser's language) to read their links, which audits them in French already.
     */
    private static List<String> pagesOf(String area) {
        Set<String> pages = new LinkedHashSet<>(linksUnder(By.cssSelector("#nav a[href]"), area));
        openedInFrench.clear();
        for (String page : List.copyOf(pages)) {
            browser.open(page);
            if ("fr".equals(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))) {
                openedInFrench.add(page);
            }
            pages.addAll(linksUnder(By.cssSelector("main a[href]"), area));
        }
        assertTrue(pages.size() > 2, "pages found under " + area + ": " + pages);
        return List.copyOf(pages);
    }

    /** The pages {@link #pagesOf} opened in French: audited and their labels checked there, not opened again in French. */
    private static final Set<String> openedInFrench = new LinkedHashSet<>();

    // Pages only: not downloads, sign-out or the language switch; one address per page (the query differs per row).
    private static List<String> linksUnder(By links, String area) {
        List<String> found = new ArrayList<>();
        for (WebElement link : browser.driver().findElements(links)) {
            String href = link.getAttribute("href");
            if (href == null || !href.startsWith(Http.HTTPS.replaceAll("/$", "") + area)) {
                continue;
            }
            String page = href.replaceAll("[?#].*$", "");
            if (page.contains("/api/") || page.endsWith(".pdf") || page.contains("/download") || page.contains("logout") || page.contains("language")
                    || page.endsWith(".log") || page.endsWith(".json") || page.endsWith(".zip")) {
                continue;
            }
            String address = href.replaceAll("#.*$", "");
            // the client journal's proof links (one a row, ?proof=ID): the page showing a proof is audited once
            if (address.contains("proof=") && found.stream().anyMatch(f -> f.contains("proof="))) {
                continue;
            }
            found.add(address);
        }
        return found;
    }

    private static void visitInBothLanguages(List<String> pages) {
        for (String lang : List.of("fr", "en")) {
            browser.open(Http.HTTPS + "language?lang=" + lang + "&next=/");
            for (String page : pages) {
                if (!lang.equals("fr") || !openedInFrench.contains(page)) {
                    browser.open(page);
                }
            }
        }
        browser.open(Http.HTTPS + "language?lang=fr&next=/");
    }

    private static void assertFitPhone(List<String> pages) {
        List<String> overflowing = new ArrayList<>();
        browser.phone(true);
        try {
            for (String page : pages) {
                browser.open(page);
                Number wider = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (wider.intValue() > 1) {
                    overflowing.add(page + " is " + wider + " px wider than the phone: " + widestElements());
                }
            }
        } finally {
            browser.phone(false);
        }
        assertTrue(overflowing.isEmpty(), String.join("\n", overflowing));
    }

    // What sticks out, to name it in the failure.
    private static Object widestElements() {
        return ((JavascriptExecutor) browser.driver()).executeScript("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1
                        && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                        + ' ' + Math.round(e.getBoundingClientRect().width) + 'px');
                """);
    }
}
