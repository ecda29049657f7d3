package fr.gestan.cloud.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StatelessPublicViewsTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void the_public_pages_are_stateless_and_every_other_page_stays_stateful() {
        for (String page : List.of("/index.xhtml", "/status.xhtml", "/status-archive.xhtml", "/trust.xhtml", "/verify.xhtml",
                "/error/404.xhtml", "/error/expired.xhtml")) {
            assertTrue(StatelessPublicViews.isStateless(page), page);
        }
        // Not a rule on folders: a test fixture or a page added at the root keeps its session until listed.
        for (String page : List.of("/it/frame.xhtml", "/portal/index.xhtml", "/admin/tenants/list.xhtml", "/new-page.xhtml",
                "/verify", "verify.xhtml")) {
            assertFalse(StatelessPublicViews.isStateless(page), page);
        }
        assertFalse(StatelessPublicViews.isStateless(null));
    }

    @Test
    void every_listed_page_exists() {
        for (String page : StatelessPublicViews.VIEW_IDS) {
            assertTrue(Files.isRegularFile(WEBAPP.resolve(page.substring(1))), "no such page: " + page);
        }
    }

    @Test
    void no_listed_page_uses_a_view_scoped_bean() throws IOException {
        Set<String> viewScoped = viewScopedBeanNames();
        assertTrue(viewScoped.contains("tenantListBean"), "the scan finds the view-scoped beans: " + viewScoped);
        List<String> found = new ArrayList<>();
        for (String page : StatelessPublicViews.VIEW_IDS) {
            String text = Files.readString(WEBAPP.resolve(page.substring(1)));
            for (String bean : viewScoped) {
                if (text.matches("(?s).*#\\{(!?\\s*)" + bean + "\\b.*")) {
                    found.add(page + ": " + bean);
                }
            }
        }
        assertEquals(List.of(), found, "a stateless page keeps no view: its beans must be request-scoped");
    }

    /** The EL names of the {@code @Named @ViewScoped} beans of the module (default names only, as the module uses). */
    private static Set<String> viewScopedBeanNames() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return text.contains("\n@ViewScoped") && text.contains("\n@Named\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> {
                String name = f.getFileName().toString().replace(".java", "");
                return Character.toLowerCase(name.charAt(0)) + name.substring(1);
            }).collect(Collectors.toSet());
        }
    }
}
