package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * View parameters and actions sit in the page's {@code metadata} define, which the layout places directly under
 * {@code f:view}: anywhere else Mojarra still runs them but logs JSF1103 on every request.
 */
class ViewMetadataPlacementTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Pattern IN_METADATA_DEFINE = Pattern.compile(
            "<ui:define name=\"metadata\">\\s*<f:metadata>.*?</f:metadata>\\s*</ui:define>", Pattern.DOTALL);

    @Test
    void every_f_metadata_is_in_the_metadata_define() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml")).toList();
        }
        assertFalse(pages.isEmpty());
        int found = 0;
        for (Path page : pages) {
            String text = Files.readString(page);
            int all = count(text, "<f:metadata>");
            int placed = (int) IN_METADATA_DEFINE.matcher(text).results().count();
            assertEquals(all, placed, () -> page + ": f:metadata outside <ui:define name=\"metadata\">");
            found += all;
        }
        assertTrue(found > 0, "the pages with view parameters were not found");
        String layout = Files.readString(WEBAPP.resolve("WEB-INF/templates/layout.xhtml"));
        assertTrue(Pattern.compile("<f:view[^>]*>\\s*(<!--.*?-->\\s*)?<ui:insert name=\"metadata\"/>", Pattern.DOTALL).matcher(layout).find(),
                "the layout must insert the metadata directly under f:view");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
