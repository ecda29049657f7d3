package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView.Source;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recovery plan's Gantt rows written in one pass: the markup the page's two ui:repeat wrote, escaped. */
class RecoveryGanttTest {

    private static final RecoveryPlanView PLAN = new RecoveryPlanView(1, "GC-PROD-01", "DC3",
            List.of(new RecoveryPlanView.Step("NEW_SERVER", 0, 15, Source.SETTING),
                    new RecoveryPlanView.Step("DATA", 30, 20, new Source(true, LocalDate.of(2026, 3, 1)))),
            List.of(new RecoveryPlanView.TenantSlot(1, 7, "842317653", ServiceLevel.PREMIUM, 10, 30, 10, Source.SETTING),
                    new RecoveryPlanView.TenantSlot(2, 8, "123456789", ServiceLevel.STANDARD, 5, 40, 10, new Source(true, null))),
            30, 50);

    @Test
    void each_step_and_tenant_is_the_row_the_repeat_wrote() {
        String html = RecoveryGantt.rows(PLAN, kind -> "Étape <" + kind + ">", Map.of("842317653", "Boulangerie \"Martin\" & fils")::get, "/ctx");
        assertEquals("<div class=\"gantt-row\"><span class=\"gantt-label\">Étape &lt;NEW_SERVER&gt;</span>"
                        + "<span class=\"gantt-track\" aria-hidden=\"true\"><span class=\"gantt-bar step-NEW_SERVER \" style=\"left: 0.000%; width: 30.000%\""
                        + " title=\"0 min → 15 min\"></span></span><span class=\"gantt-time\">15 min</span></div>\n"
                        + "<div class=\"gantt-row\"><span class=\"gantt-label\">Étape &lt;DATA&gt;</span>"
                        + "<span class=\"gantt-track\" aria-hidden=\"true\"><span class=\"gantt-bar step-DATA from-drill\" style=\"left: 60.000%; width: 40.000%\""
                        + " title=\"30 min → 50 min\"></span></span><span class=\"gantt-time\">20 min</span></div>\n"
                        + "<div class=\"gantt-row tenant-row\"><span class=\"gantt-label\">1. <a href=\"/ctx/admin/clients/summary.xhtml?siren=842317653\""
                        + " class=\"client-link\">Boulangerie &quot;Martin&quot; &amp; fils</a><span class=\"siren\"> · 842317653</span></span>"
                        + "<span class=\"gantt-track\" aria-hidden=\"true\"><span class=\"gantt-bar level-PREMIUM \" style=\"left: 60.000%; width: 20.000%\""
                        + " title=\"30 min → 40 min\"></span></span><span class=\"gantt-time\">40 min</span></div>\n"
                        + "<div class=\"gantt-row tenant-row\"><span class=\"gantt-label\">2. <a href=\"/ctx/admin/clients/summary.xhtml?siren=123456789\""
                        + " class=\"client-link\">123456789</a></span>"
                        + "<span class=\"gantt-track\" aria-hidden=\"true\"><span class=\"gantt-bar level-STANDARD from-drill\" style=\"left: 80.000%; width: 20.000%\""
                        + " title=\"40 min → 50 min\"></span></span><span class=\"gantt-time\">50 min</span></div>\n",
                html);
    }

    @Test
    void hours_read_as_the_page_formats_them() {
        RecoveryPlanView plan = new RecoveryPlanView(1, "S", "DC3", List.of(),
                List.of(new RecoveryPlanView.TenantSlot(1, 7, "842317653", ServiceLevel.STANDARD, 10, 30, 1000, Source.SETTING)), 30, 1030);
        String html = RecoveryGantt.rows(plan, k -> k, s -> null, "");
        assertEquals(true, html.contains("title=\"30 min → 17 h 10 min\"></span></span><span class=\"gantt-time\">17 h 10 min</span>"), html);
    }
}
