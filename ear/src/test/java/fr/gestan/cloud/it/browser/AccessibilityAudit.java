package fr.gestan.cloud.it.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * axe-core on every page of the application the journeys reach: each (language, path) once per suite run, since a
 * page's markup does not depend on which journey opened it, so the suite pays for each page once. Serious and
 * critical violations of WCAG 2.1 A and AA are kept, for {@link BrowserJourney} to fail the test that met them.
 * Keycloak's pages (another origin) are not ours to audit here. Nothing is exempt.
 */
final class AccessibilityAudit {

    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Set<String> AUDITED = ConcurrentHashMap.newKeySet();
    // A page that has been looked at carries this mark until the browser loads another document.
    private static final String NEW_DOCUMENT = "return document.readyState === 'complete' && document.contentType === 'text/html' && !window.__gestanAudited"
            + " ? [document.documentElement.lang || '?', location.origin + '/', location.pathname] : null;";

    private final List<String> violations = new ArrayList<>();

    /** Audits the page the browser shows, if it is a page of ours not audited yet in its language. Cheap otherwise. */
    void check(WebDriver driver) {
        try {
            Object page = ((JavascriptExecutor) driver).executeScript(NEW_DOCUMENT);
            if (!(page instanceof List<?> facts)) {
                return;
            }
            ((JavascriptExecutor) driver).executeScript("window.__gestanAudited = true;");
            String origin = String.valueOf(facts.get(1));
            if (!origin.equals(Http.HTTPS) && !origin.equals(Http.HTTP)) {
                return;
            }
            String key = facts.get(0) + " " + facts.get(2);
            if (AUDITED.add(key)) {
                violations.addAll(violationsOf(driver, key));
            }
        } catch (WebDriverException pageMovedOn) {
            // an alert, or a navigation under way: the next look at the page audits the new document
        }
    }

    /** Serious and critical violations on the page the browser shows, each as "page: rule (impact) help at targets". */
    static List<String> violationsOf(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String targets = rule.getNodes().stream().limit(5).map(CheckedNode::getTarget).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            if (FAILING_IMPACTS.contains(rule.getImpact())) {
                found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at " + targets);
            }
        }
        return found;
    }

    /** The violations met since the last call, and forgets them. */
    List<String> take() {
        List<String> taken = List.copyOf(violations);
        violations.clear();
        return taken;
    }
}
