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
 * adding a file, without editing a shared one.
 */
@Named("layout")
@ApplicationScoped
public class LayoutBean {

    private static final Pattern AREA = Pattern.compile("[a-z]+");

    @Inject
    ServletContext servletContext;

    private final ConcurrentMap<String, List<String>> cache = new ConcurrentHashMap<>();

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
