package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
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
}
