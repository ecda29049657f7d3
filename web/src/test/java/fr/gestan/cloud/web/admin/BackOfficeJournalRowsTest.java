package fr.gestan.cloud.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.web.i18n.Formats;
import fr.gestan.cloud.web.i18n.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The back-office dashboard's journal tile: its rows written by {@link BackOfficeHomeBean#journalRows} as the page's
 * {@code ui:repeat} wrote them (the same cells, labels, column names for phones, escaping), not by seven EL
 * expressions a row (docs/performance.md, "staff pages' CPU per view against the home page's").
 */
class BackOfficeJournalRowsTest {

    private final Labels label = new Labels() {
        @Override
        public String code(String family, Object code) {
            return code == null ? "" : family + ":" + code;
        }

        @Override
        public String action(String code) {
            return code("JournalAction", code);
        }

        @Override
        public String data(String text) {
            return text == null ? "" : "data:" + text;
        }
    };
    private final Formats fmt = new Formats() {
        @Override
        public String dateTime(Instant instant) {
            return instant == null ? "" : "at " + instant;
        }
    };

    @Test
    void each_entry_is_a_row_of_five_labelled_and_escaped_cells() {
        JournalEntryView entry = new JournalEntryView(7, 6L, Instant.parse("2026-12-07T18:00:00Z"), "admin.demo", "ADMIN", "842317653",
                "TENANT_UPDATED", "Boulangerie <Martin> & \"Fils\"", "10.0.0.1", "SUCCESS", null, "ab");
        String rows = BackOfficeHomeBean.journalRows(List.of(entry, entry), List.of("Date", "Acteur", "Action", "Objet", "Résultat"), label, fmt);
        String row = "<tr><td data-label=\"Date\">at 2026-12-07T18:00:00Z</td><td data-label=\"Acteur\">admin.demo (Role:ADMIN)</td>"
                + "<td data-label=\"Action\">JournalAction:TENANT_UPDATED</td>"
                + "<td data-label=\"Objet\">data:Boulangerie &lt;Martin&gt; &amp; &quot;Fils&quot;</td>"
                + "<td data-label=\"Résultat\">JournalEvent.Outcome:SUCCESS</td></tr>\n";
        assertEquals(row + row, rows);
        assertEquals("", BackOfficeHomeBean.journalRows(List.of(), List.of("a", "b", "c", "d", "e"), label, fmt));
    }

    @Test
    void the_tile_writes_the_beans_rows_without_a_repeat() throws IOException {
        String tile = Files.readString(Path.of("src/main/webapp/WEB-INF/tiles/admin/90-journal.xhtml"));
        assertTrue(tile.contains("<h:outputText value=\"#{backOfficeHomeBean.journalRows}\" escape=\"false\"/>"));
        assertFalse(tile.contains("ui:repeat"));
    }
}
