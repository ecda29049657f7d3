package fr.gestan.cloud.web.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalEntryView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client dashboard's journal tile, written by its bean: each entry's date, action and actor; "none yet" without. */
class JournalTileTest {

    @Test
    void each_entry_then_none_without_entries() {
        JournalEntryView e = new JournalEntryView(1, 1L, Instant.EPOCH, "perf<setup>", "support", "842317653", "TENANT_VIEWED", null, null, "OK", null, "h");
        String html = DashboardJournalTiles.mineTile(List.of(e), (bundle, key) -> bundle + ":" + key, at -> "at:" + at, a -> "action:" + a, "/ctx");
        assertTrue(html.startsWith("<section id=\"tile-my-journal\" class=\"card tile tile-normal\""), html);
        assertTrue(html.contains("<a href=\"/ctx/portal/security/journal.xhtml\">smsg:portal.journal.title</a>"), html);
        assertTrue(html.contains("<ul id=\"my-journal\" class=\"plain-list\">\n<li>at:1970-01-01T00:00:00Z · action:TENANT_VIEWED · perf&lt;setup&gt;</li>\n</ul>\n"), html);
        assertTrue(!html.contains("tile.journal.none"), html);
        String none = DashboardJournalTiles.mineTile(List.of(), (bundle, key) -> bundle + ":" + key, at -> "", a -> "", "");
        assertTrue(none.contains("<ul id=\"my-journal\" class=\"plain-list\">\n</ul>smsg:tile.journal.none"), none);
    }
}
