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

    /** Components that a tile needs not: the view is built at every visit, and c:if or plain markup writes the same. */
    private static final Pattern PLAIN_MARKUP_DOES = Pattern.compile("<(h:panelGroup|h:outputFormat|h:outputLink|h:outputText)\\b");

    @Test
    void the_tiles_build_no_component_where_plain_markup_does() throws IOException {
        try (Stream<Path> tiles = Files.list(WEBAPP.resolve("WEB-INF/tiles/portal"))) {
            for (Path tile : tiles.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                assertFalse(PLAIN_MARKUP_DOES.matcher(Files.readString(tile)).find(), () -> tile + " builds a panel, output or link component");
            }
        }
    }

    @Test
    void refresh_is_a_link_to_the_dashboard() throws IOException {
        String page = Files.readString(WEBAPP.resolve("portal/index.xhtml"));
        assertTrue(Pattern.compile("<a id=\"refresh\"[^>]*href=\"#\\{request.contextPath}/portal/\"").matcher(page).find(), page);
    }
}
