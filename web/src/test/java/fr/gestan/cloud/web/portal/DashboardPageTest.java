package fr.gestan.cloud.web.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The client dashboard writes no Faces form (docs/performance.md, "client dashboard: the refresh link, the compliance tile's reads"): its
 * "Refresh" is a plain link to the dashboard, so the view keeps no state in the session and the page writes no button
 * script. A form or a command component added to the page or to one of its tiles brings that cost back.
 */
class DashboardPageTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Pattern FACES_FORM_OR_COMMAND = Pattern.compile("<(h:form|p:commandButton|p:commandLink|h:commandButton|h:commandLink|p:poll|p:remoteCommand)\\b");

    @Test
    void the_dashboard_and_its_tiles_hold_no_faces_form() throws IOException {
        List<Path> files = new ArrayList<>(List.of(WEBAPP.resolve("portal/index.xhtml")));
        try (Stream<Path> tiles = Files.list(WEBAPP.resolve("WEB-INF/tiles/portal"))) {
            tiles.filter(p -> p.toString().endsWith(".xhtml")).forEach(files::add);
        }
        assertTrue(files.size() > 1, "the portal's tiles were not found");
        for (Path file : files) {
            assertFalse(FACES_FORM_OR_COMMAND.matcher(Files.readString(file)).find(), () -> file + " holds a Faces form or command");
        }
    }

    /**
     * Each of the client's tiles is written whole by its bean (docs/performance.md 4.73): one output of the bean's
     * markup, no tag, condition, repeat or expression of its own (the tag gt:tile, its conditions and the tiles' repeats
     * were built and evaluated at every view). The tenants module's links are plain markup.
     */
    private static final Pattern ONE_BEAN_OUTPUT = Pattern.compile(
            "\\s*<ui:composition[^>]*>\\s*<h:outputText value=\"#\\{\\w+\\.\\w+}\" escape=\"false\"/>\\s*</ui:composition>\\s*");

    @Test
    void each_tile_is_its_beans_markup_written_once() throws IOException {
        try (Stream<Path> tiles = Files.list(WEBAPP.resolve("WEB-INF/tiles/portal"))) {
            for (Path tile : tiles.filter(p -> p.toString().endsWith(".xhtml") && !p.toString().contains("tenants-module")).toList()) {
                String page = Files.readString(tile).replaceAll("(?s)<!--.*?-->", "");
                assertTrue(ONE_BEAN_OUTPUT.matcher(page).matches(), () -> tile + " is more than its bean's markup: " + page);
            }
        }
    }

    @Test
    void refresh_is_a_link_to_the_dashboard() throws IOException {
        String page = Files.readString(WEBAPP.resolve("portal/index.xhtml"));
        assertTrue(Pattern.compile("<a id=\"refresh\"[^>]*href=\"#\\{request.contextPath}/portal/\"").matcher(page).find(), page);
    }
}
