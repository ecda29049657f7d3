package fr.gestan.cloud.it.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver: Selenium never downloads anything
 * (SE_OFFLINE=true is set by failsafe, and both binaries are named).
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path profile;
    private final AccessibilityAudit audit = new AccessibilityAudit();

    Browser() throws IOException {
        profile = Files.createTempDirectory("gestan-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=fr-FR", "--user-data-dir=" + profile,
                // the local server's certificate is self-signed (WildFly generates it on first use)
                "--ignore-certificate-errors");
        // the browser console, to catch Content-Security-Policy violations
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // Keycloak's sign-in page follows the browser's language, like a French user's browser.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        screenshots = Path.of(System.getProperty("gestan.it.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Opens a page; on a staff or portal page of the application, also checks its forms' labels ({@link FormLabels}:
     * each label by its own field, every field labelled).
     */
    void open(String url) {
        driver.get(url);
        audit.check(driver);
        String now = driver.getCurrentUrl();
        if (now.startsWith(Http.HTTPS + "admin/") || now.startsWith(Http.HTTPS + "portal/")) {
            FormLabels.check(driver);
        }
    }

    WebElement find(By by) {
        return waitUntil(d -> d.findElement(by));
    }

    /**
     * Waits for the condition; a page loaded in the meantime is audited by axe-core ({@link AccessibilityAudit}). An
     * element found in the page that is being replaced is tried again: Selenium's stale element, and Chromium's own
     * form of it ("Node with given id does not belong to the document", seen in CI), which is no subclass of it.
     */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        audit.check(driver);
        T met = new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (WebDriverException e) {
                        if (e instanceof StaleElementReferenceException || !detached(e)) {
                            throw e;
                        }
                        return null;
                    }
                });
        audit.check(driver);
        return met;
    }

    private static boolean detached(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Clicks a button that replaces its form or page and waits until the clicked node has gone. A button detached
     * between its finding and its click (seen once in CI: "Node with given id does not belong to the document", before
     * any click was made) is found again and clicked.
     */
    void clickAndWaitForReplacement(By button) {
        WebElement clicked = waitUntil(d -> {
            WebElement found = d.findElement(button);
            try {
                found.click();
                return found;
            } catch (WebDriverException e) {
                if (detached(e)) {
                    return null;
                }
                throw e;
            }
        });
        waitUntil(ExpectedConditions.stalenessOf(clicked)::apply);
    }

    /**
     * Waits until the page has no AJAX request under way or queued (jQuery's count and PrimeFaces' queue): after a
     * click on an AJAX button, whose request is sent within the click, its answer has been applied to the page.
     */
    void awaitAjax() {
        waitUntil(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !window.jQuery || (jQuery.active === 0 && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()));"));
    }

    /** Serious and critical accessibility violations on the pages audited since the last call. */
    List<String> accessibilityViolations() {
        audit.check(driver);
        return audit.take();
    }

    /** Forgets every cookie of every site, the application's and Keycloak's: as if both sessions had expired. */
    void forgetAllSessions() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** The cookies Keycloak set (path {@code /realms/...}), as Chromium describes them, to put back with {@link #setCookies}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keycloakCookies() {
        Map<String, Object> all = driver.executeCdpCommand("Network.getAllCookies", Map.of());
        return ((List<Map<String, Object>>) all.get("cookies")).stream()
                .filter(c -> String.valueOf(c.get("path")).startsWith("/realms/"))
                .map(c -> {
                    Map<String, Object> kept = new java.util.HashMap<>();
                    for (String field : List.of("name", "value", "domain", "path", "secure", "httpOnly", "sameSite", "priority",
                            "sourceScheme", "sourcePort")) {
                        if (c.get(field) != null) {
                            kept.put(field, c.get(field));
                        }
                    }
                    if (!Boolean.TRUE.equals(c.get("session")) && c.get("expires") != null) {
                        kept.put("expires", c.get("expires"));
                    }
                    return Map.copyOf(kept);
                })
                .toList();
    }

    /** Puts cookies back, as {@link #keycloakCookies} described them. */
    void setCookies(List<Map<String, Object>> cookies) {
        driver.executeCdpCommand("Network.setCookies", Map.of("cookies", cookies));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Console messages since the last call (errors, CSP violations...). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Forgets only the application's session cookie: the server-side view state of open pages is lost. */
    void forgetApplicationSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
    }

    /** Phone width (390 px) or desktop width. */
    void phone(boolean phone) {
        driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 900));
    }

    /** Saves a PNG of the page under target/screenshots for people to review. */
    void screenshot(String name) throws IOException {
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
