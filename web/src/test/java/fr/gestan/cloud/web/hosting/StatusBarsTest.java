package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.i18n.LanguageBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The uptime bar written in one pass is the markup the include's ui:repeat wrote, day by day. */
class StatusBarsTest {

    @Test
    void each_day_is_a_span_with_its_mark_and_its_title_in_the_page_language() {
        StatusBars bars = new StatusBars();
        bars.texts.put("status.notInService", "Serveur pas encore en service (sans objet)");
        bars.texts.put("impact.MAJOR", "Majeur");
        bars.texts.put("status.noData", "Pas de données (serveur silencieux)");
        bars.texts.put("status.noIncident", "aucun \"incident\" & <rien>");
        LocalDate d = LocalDate.of(2026, 12, 1);
        ComponentStatusView c = new ComponentStatusView(1, "GC-PROD-01", "DC1", "Paris", ServerRole.PRODUCTION, ServerState.OPERATIONAL,
                List.of(ComponentStatusView.Day.notInService(d), new ComponentStatusView.Day(d.plusDays(1), IncidentImpact.MAJOR),
                        new ComponentStatusView.Day(d.plusDays(2), null, true), new ComponentStatusView.Day(d.plusDays(3), null)), 99.5);
        assertEquals("<span class=\"day impact-NOT_IN_SERVICE\" title=\"2026-12-01 · Serveur pas encore en service (sans objet)\"></span>"
                + "<span class=\"day impact-MAJOR\" title=\"2026-12-02 · Majeur\"></span>"
                + "<span class=\"day impact-NO_DATA\" title=\"2026-12-03 · Pas de données (serveur silencieux)\"></span>"
                + "<span class=\"day impact-OK\" title=\"2026-12-04 · aucun &quot;incident&quot; &amp; &lt;rien&gt;\"></span>", bars.of(c));
    }

    /** A bars writer with the page's texts and labels as the request would give them. */
    private static StatusBars bars(String language) {
        StatusBars bars = new StatusBars();
        bars.texts.put("status.bar", "Disponibilité sur 90 jours :");
        bars.texts.put("status.daysAgo", "il y a 90 jours");
        bars.texts.put("status.uptime", "de disponibilité");
        bars.texts.put("status.today", "aujourd'hui");
        bars.texts.put("status.noIncident", "Aucun incident");
        bars.labels = new Labels() {
            @Override
            public String code(String family, Object code) {
                return family + ":" + code;
            }
        };
        bars.language = new LanguageBean() {
            @Override
            public String getLanguage() {
                return language;
            }
        };
        return bars;
    }

    private static PublicStatusView board(String... names) {
        LocalDate d = LocalDate.of(2026, 12, 1);
        return new PublicStatusView(Instant.now(), ServerState.OPERATIONAL, java.util.Arrays.stream(names)
                .map(n -> new ComponentStatusView(1, n, "DC3", "Vitry-sur-Seine", ServerRole.PRODUCTION, ServerState.OPERATIONAL,
                        List.of(new ComponentStatusView.Day(d, null)), 99.95)).toList(), List.of(), List.of(), List.of());
    }

    @Test
    void a_server_card_is_the_markup_of_the_include() {
        StringBuilder html = new StringBuilder();
        bars("fr").card(board("GC-PROD-<01>").components().get(0), html);
        assertEquals("<div class=\"card component\" id=\"component-GC-PROD-&lt;01&gt;\">"
                + "<div class=\"component-head\"><strong class=\"component-name\">GC-PROD-&lt;01&gt;</strong>"
                + "<span class=\"small\">DC3 · Vitry-sur-Seine · ServerRole:PRODUCTION</span>"
                + "<span class=\"state state-OPERATIONAL component-state\">ServerState:OPERATIONAL</span></div>"
                + "<div class=\"uptime-bar\" role=\"img\" aria-label=\"Disponibilité sur 90 jours : 99.95 %\">"
                + "<span class=\"day impact-OK\" title=\"2026-12-01 · Aucun incident\"></span></div>"
                + "<div class=\"small uptime-legend\"><span>il y a 90 jours</span><span class=\"uptime\">99.95 % de disponibilité</span>"
                + "<span>aujourd&#39;hui</span></div></div>\n", html.toString());
    }

    @Test
    void the_servers_of_a_board_are_written_once_per_board_and_language() {
        PublicStatusView board = board("GC-PROD-01", "GC-PROD-02");
        String first = bars("fr").components(board);
        assertSame(first, bars("fr").components(board), "the next visitors of the same board get the same markup");
        assertEquals(2, first.split("class=\"card component\"", -1).length - 1);
        assertNotSame(first, bars("en").components(board), "another language is written apart");
        PublicStatusView next = board("GC-PROD-01", "GC-PROD-02", "GC-PROD-03");
        assertEquals(3, bars("fr").components(next).split("class=\"card component\"", -1).length - 1, "a new board is written anew");
    }
}
