package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout's confirmation dialog (docs/web.md, "Confirmation of destructive actions") is built only on the pages that
 * ask for it: every page holding a {@code p:confirm} sets {@code ui:param confirm=true}, and the others (the client
 * dashboard first) no longer build and write the dialog and its two buttons at each view.
 */
class ConfirmDialogPagesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path LAYOUT = WEBAPP.resolve("WEB-INF/templates/layout.xhtml");
    private static final String ASKS = "<ui:param name=\"confirm\" value=\"true\"/>";

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_layout_builds_the_dialog_only_for_pages_that_ask() {
        String layout = read(LAYOUT);
        assertTrue(Pattern.compile("<c:if test=\"#\\{confirm}\">\\s*(<!--.*?-->\\s*)?<p:confirmDialog global=\"true\"", Pattern.DOTALL)
                .matcher(layout).find(), "the global dialog is not under #{confirm}");
    }

    @Test
    void every_page_with_a_confirmation_asks_for_the_dialog_and_the_dashboard_does_not() throws IOException {
        List<Path> confirming;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            // the layout's comment shows how a button asks
            confirming = files.filter(p -> p.toString().endsWith(".xhtml") && !p.equals(LAYOUT)).filter(p -> read(p).contains("<p:confirm ")).sorted().toList();
        }
        assertEquals(List.of("admin/documents.xhtml", "admin/security/server-access.xhtml", "admin/tenants/edit.xhtml",
                "portal/tenants/api-clients.xhtml"), confirming.stream().map(p -> WEBAPP.relativize(p).toString()).toList());
        for (Path page : confirming) {
            assertTrue(read(page).contains(ASKS), () -> page + " holds a p:confirm without " + ASKS);
        }
        assertFalse(read(WEBAPP.resolve("portal/index.xhtml")).contains(ASKS));
    }
}
