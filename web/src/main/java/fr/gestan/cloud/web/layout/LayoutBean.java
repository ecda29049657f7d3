package fr.gestan.cloud.web.layout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The plug-in points of the layouts: navigation entries are the files of {@code WEB-INF/nav/<area>/}, dashboard
 * tiles the files of {@code WEB-INF/tiles/<area>/}, header notices the files of {@code WEB-INF/notices/<area>/} ({@code area} = public, portal or admin), included in the order
 * of their file names ({@code 10-home.xhtml}, {@code 20-servers.xhtml}...). A module adds a screen to the frame by
 * adding a file, without editing a shared one. A file may hold several entries, and a group of them under a heading
 * ({@code <gt:navGroup>}, the portal's menus).
 */
@Named("layout")
@ApplicationScoped
public class LayoutBean {

    private static final Pattern AREA = Pattern.compile("[a-z]+");

    @Inject
    ServletContext servletContext;

    private static final Pattern NAV_ITEM = Pattern.compile("<gt:navItem\\b[^>]*>");
    private static final Pattern OUTCOME = Pattern.compile("\\boutcome=\"([^\"#]+)\"");
    private static final Pattern PREFIX = Pattern.compile("\\bprefix=\"([^\"#]+)\"");

    private final ConcurrentMap<String, List<String>> cache = new ConcurrentHashMap<>();
    private volatile List<NavTarget> targets;

    /** What a navigation entry points at: its outcome and the view ids it also covers (prefix, or null). */
    record NavTarget(String outcome, String prefix) {
    }

    /**
     * Whether the view is a stateless public page ({@code <f:view transient>}): the same list as
     * {@link fr.gestan.cloud.web.http.StatelessPublicViews}, which marks it before it is built; Mojarra restores a
     * stateless postback only if the built view says it is transient too.
     */
    public boolean stateless(String viewId) {
        return fr.gestan.cloud.web.http.StatelessPublicViews.isStateless(viewId);
    }

    /** The navigation entries of an area, in file-name order. */
    public List<String> navigation(String area) {
        return files("/WEB-INF/nav/", area);
    }

    /** The dashboard tiles of an area, in file-name order. */
    public List<String> tiles(String area) {
        return files("/WEB-INF/tiles/", area);
    }

    /** The notices shown under the header of an area (one file each, in file-name order). */
    public List<String> notices(String area) {
        return files("/WEB-INF/notices/", area);
    }

    /**
     * The outcome of the one navigation entry to mark as the current page for {@code viewId}: the entry whose
     * outcome is the view, else the one with the longest prefix the view starts with (so {@code /admin/compliance}
     * does not light up beside {@code /admin/compliance/certificates}); {@code null} when none matches.
     */
    public String currentNav(String viewId) {
        return current(navTargets(), viewId);
    }

    static String current(List<NavTarget> targets, String viewId) {
        if (viewId == null) {
            return null;
        }
        String best = null;
        int bestLength = -1;
        for (NavTarget t : targets) {
            if (viewId.equals(t.outcome() + ".xhtml")) {
                return t.outcome();
            }
            if (t.prefix() != null && viewId.startsWith(t.prefix()) && t.prefix().length() > bestLength) {
                best = t.outcome();
                bestLength = t.prefix().length();
            }
        }
        return best;
    }

    /** Every navigation entry of every area, read once from the files (outcome and prefix are literal there). */
    private List<NavTarget> navTargets() {
        List<NavTarget> known = targets;
        if (known == null) {
            List<NavTarget> all = new java.util.ArrayList<>();
            for (String area : List.of("public", "portal", "admin")) {
                all.addAll(targets(navigation(area)));
            }
            known = targets = List.copyOf(all);
        }
        return known;
    }

    private List<NavTarget> targets(List<String> files) {
        List<NavTarget> all = new java.util.ArrayList<>();
        for (String file : files) {
            try (java.io.InputStream in = servletContext.getResourceAsStream(file)) {
                if (in != null) {
                    all.addAll(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return all;
    }

    static List<NavTarget> parse(String xhtml) {
        List<NavTarget> found = new java.util.ArrayList<>();
        java.util.regex.Matcher item = NAV_ITEM.matcher(xhtml);
        while (item.find()) {
            java.util.regex.Matcher outcome = OUTCOME.matcher(item.group());
            if (outcome.find()) {
                java.util.regex.Matcher prefix = PREFIX.matcher(item.group());
                found.add(new NavTarget(outcome.group(1), prefix.find() ? prefix.group(1) : null));
            }
        }
        return found;
    }

    private List<String> files(String root, String area) {
        if (area == null || !AREA.matcher(area).matches()) {
            return List.of();
        }
        return cache.computeIfAbsent(root + area + "/", folder -> sorted(servletContext.getResourcePaths(folder)));
    }

    static List<String> sorted(Set<String> paths) {
        if (paths == null) {
            return List.of();
        }
        return paths.stream().filter(p -> p.endsWith(".xhtml")).sorted().toList();
    }
}
