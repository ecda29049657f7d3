package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.i18n.LanguageBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The uptime bar written in one pass: a run of like days per element, as wide as its days (nN), titled with its dates
 * and what they were; the bar's accessible name gives every run's title; the card is the include's markup.
 */
class StatusBarsTest {

    @Test
    void each_day_alone_is_a_span_with_its_mark_and_its_title_in_the_page_language() {
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

    @Test
    void like_days_in_a_row_are_one_span_as_wide_as_they_are_with_their_first_and_last_dates() {
        StatusBars bars = bars("fr");
        bars.texts.put("status.days", "du {0} au {1}");
        bars.texts.put("impact.MINOR", "Mineur");
        LocalDate d = LocalDate.of(2026, 9, 7);
        List<ComponentStatusView.Day> days = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            days.add(new ComponentStatusView.Day(d.plusDays(i), i == 60 || i == 61 ? IncidentImpact.MINOR : null));
        }
        ComponentStatusView c = new ComponentStatusView(1, "GC-PROD-01", "DC1", "Paris", ServerRole.PRODUCTION, ServerState.OPERATIONAL,
                days, 99.9);
        String bar = "<span class=\"day impact-OK n60\" title=\"du 2026-09-07 au 2026-11-05 · Aucun incident\"></span>"
                + "<span class=\"day impact-MINOR n2\" title=\"du 2026-11-06 au 2026-11-07 · Mineur\"></span>"
                + "<span class=\"day impact-OK n28\" title=\"du 2026-11-08 au 2026-12-05 · Aucun incident\"></span>";
        assertEquals(bar, bars.of(c));
        assertEquals(List.of(60, 2, 28), bars.runs(c).stream().map(StatusBars.Run::days).toList(), "every day in one run, in order");
        assertEquals("Disponibilité sur 90 jours : 99.9 % ; du 2026-09-07 au 2026-11-05 · Aucun incident"
                + " ; du 2026-11-06 au 2026-11-07 · Mineur ; du 2026-11-08 au 2026-12-05 · Aucun incident", bars.label(c),
                "a screen reader hears the uptime and every run");
        assertTrue(bars.of(c).length() < 300, "three elements for 90 days, not 90");
    }

    @Test
    void days_of_the_same_mark_that_do_not_follow_each_other_are_not_joined() {
        StatusBars bars = bars("en");
        bars.texts.put("status.days", "{0} to {1}");
        LocalDate d = LocalDate.of(2026, 12, 1);
        ComponentStatusView c = new ComponentStatusView(1, "GC-PROD-01", "DC1", "Paris", ServerRole.PRODUCTION, ServerState.OPERATIONAL,
                List.of(new ComponentStatusView.Day(d, null), new ComponentStatusView.Day(d.plusDays(1), null),
                        new ComponentStatusView.Day(d.plusDays(3), null)), 100.0);
        assertEquals("<span class=\"day impact-OK n2\" title=\"2026-12-01 to 2026-12-02 · Aucun incident\"></span>"
                + "<span class=\"day impact-OK\" title=\"2026-12-04 · Aucun incident\"></span>", bars.of(c));
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
                + "<div class=\"uptime-bar\" role=\"img\" aria-label=\"Disponibilité sur 90 jours : 99.95 % ; 2026-12-01 · Aucun incident\">"
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
