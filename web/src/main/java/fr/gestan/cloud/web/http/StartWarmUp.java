package fr.gestan.cloud.web.http;

import fr.gestan.cloud.common.health.WarmUp;
import fr.gestan.cloud.common.pdf.DocumentFonts;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warms what the first visitor would otherwise wait for, in the background once the web module has started: the
 * public pages are requested from this node's own HTTPS listener (Facelets compiles the views, Mojarra and PrimeFaces
 * build their renderers, the language bundles load, the database pools open), then the style sheets and scripts they
 * name (PrimeFaces' resource handler), then the documents' fonts are loaded. Before this, the first page after a
 * start took 3.5–13.9 s against 0.04–0.17 s for the next ones (docs/performance.md, 4.4). Readiness stays DOWN until it
 * is over ({@code WarmUpReadiness}); a warm-up that cannot reach the listener within {@value #WAIT_SECONDS} s gives up
 * without holding readiness. Only public pages, anonymously, over HTTPS: nothing is signed in, written or rate-limited
 * (GET page views are not limited, {@link RateLimitFilter}).
 */
@WebListener
public class StartWarmUp implements ServletContextListener {

    /** The public pages, each built once (the home page in both languages). */
    static final List<String> PAGES = List.of("", "status.xhtml", "verify.xhtml", "trust.xhtml");
    static final int WAIT_SECONDS = 300;
    private static final Pattern RESOURCE = Pattern.compile("(?:src|href)=\"([^\"]*/jakarta\\.faces\\.resource/[^\"]+)\"");
    private static final Logger LOG = Logger.getLogger(StartWarmUp.class.getName());

    @Resource
    ManagedExecutorService executor;

    private volatile Future<?> task;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String path = event.getServletContext().getContextPath() + "/";
        WarmUp.started();
        task = executor.submit(() -> warm(() -> base(RunningTransportReader.httpsAddress(), path), WAIT_SECONDS));
    }

    /**
     * The address of this node's pages: the HTTPS listener as the management model gives it, or, while the model
     * cannot be read (during the server's boot it answers "not found"), the standard socket binding's settings
     * ({@code jboss.https.port}, {@code jboss.socket.binding.port-offset}, {@code jboss.bind.address}).
     */
    static String base(InetSocketAddress https, String path) {
        String host;
        int port;
        if (https != null) {
            host = https.getHostString();
            port = https.getPort();
        } else {
            host = System.getProperty("jboss.bind.address", "127.0.0.1");
            host = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
            port = Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        }
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + path;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Future<?> running = task;
        if (running != null) {
            running.cancel(true);
        }
    }

    /**
     * Warms the pages under the address {@code where} gives (asked again until the home page answers 200, at most
     * {@code waitSeconds}).
     */
    static void warm(Supplier<String> where, int waitSeconds) {
        long start = System.nanoTime();
        int pages = 0;
        Set<String> resources = new LinkedHashSet<>();
        int fetched = 0;
        boolean fonts = false;
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(AnyCertificate.tls()).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            String base = awaitServing(client, where, waitSeconds);
            for (String page : PAGES) {
                String html = get(client, base + page, "fr");
                pages++;
                Matcher resource = RESOURCE.matcher(html);
                while (resource.find()) {
                    resources.add(resource.group(1).replace("&amp;", "&"));
                }
            }
            get(client, base, "en");
            pages++;
            URI root = URI.create(base);
            for (String resource : resources) {
                // a resource that does not answer 200 is left for the browser to ask for, as before
                if (client.send(request(root.resolve(resource).toString(), "fr"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    fetched++;
                }
            }
            fonts = DocumentFonts.regularBase() != null && DocumentFonts.bold(1) != null;
            long millis = (System.nanoTime() - start) / 1_000_000;
            WarmUp.done(pages, fetched, fonts, millis);
            LOG.info("Warm-up after deployment: " + pages + " pages, " + fetched + " resources" + (fonts ? ", fonts" : "")
                    + " in " + millis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            WarmUp.failed(pages, fetched, fonts, (System.nanoTime() - start) / 1_000_000, "interrupted");
        } catch (Exception | LinkageError e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            WarmUp.failed(pages, fetched, fonts, millis, e.getClass().getSimpleName());
            LOG.log(Level.WARNING, "Warm-up after deployment given up after " + millis + " ms (" + pages
                    + " pages): the pages are built on first use", e);
        }
    }

    /** The deployment completes, and a booting server stops answering 503, a little after the web module starts. */
    private static String awaitServing(HttpClient client, Supplier<String> where, int waitSeconds) throws Exception {
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (true) {
            String base = where.get();
            try {
                HttpResponse<Void> response = client.send(request(base, "fr"), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return base;
                }
            } catch (java.io.IOException notYet) {
                // the listener refuses or resets while the server boots
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the home page did not answer 200 within " + waitSeconds + " s");
            }
            Thread.sleep(250);
        }
    }

    /** A page's HTML; tried again a few times (an EJB module may still be starting when the web module serves). */
    private static String get(HttpClient client, String url, String language) throws Exception {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            if (attempt > 0) {
                Thread.sleep(500);
            }
            response = client.send(request(url, language), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return response.body();
            }
        }
        throw new IllegalStateException(url + " answered " + response.statusCode());
    }

    /** A page in {@code language}: the user's language is its cookie's (LanguageViewHandler), the browser's header aside. */
    private static HttpRequest request(String url, String language) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html,*/*")
                .header("Accept-Language", language).header("Cookie", LanguageBean.COOKIE + "=" + language)
                .header("User-Agent", "Gestan warm-up").GET().build();
    }
}
