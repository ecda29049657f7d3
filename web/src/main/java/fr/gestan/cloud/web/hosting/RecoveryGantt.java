package fr.gestan.cloud.web.hosting;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import java.util.function.Function;

/**
 * The recovery plan's Gantt rows (the steps, then one row per tenant) written as markup in one pass, the way the
 * capacity tile writes its items ({@link CapacityTileBean}): the page's {@code ui:repeat} of about 100 tenant rows
 * evaluated about ten EL expressions per row (the view bean's name twice for the client link's parameter, its
 * percentages twice, the duration format three times), each a bean-name resolution, at every view
 * (docs/performance.md 4.24 and 4.32). The markup is the one the repeat wrote; the client link is
 * {@code WEB-INF/includes/client-link.xhtml}'s.
 */
final class RecoveryGantt {

    private RecoveryGantt() {
    }

    /**
     * @param stepLabel the label of a step's kind ({@code hmsg['step.KIND']})
     * @param names     the company name of a SIREN, or null when unknown (the SIREN alone is shown, still linked)
     * @param context   the application's context path, before {@code /admin/clients/summary.xhtml}
     */
    static String rows(RecoveryPlanView plan, Function<String, String> stepLabel, Function<String, String> names, String context) {
        StringBuilder html = new StringBuilder(600 * (plan.steps().size() + plan.tenants().size()));
        int total = plan.totalMinutes();
        for (RecoveryPlanView.Step st : plan.steps()) {
            html.append("<div class=\"gantt-row\"><span class=\"gantt-label\">").append(escape(stepLabel.apply(st.kind())))
                    .append("</span>");
            bar(html, "step-" + escape(st.kind()), st.source().drill(), st.startMinute(), st.durationMinutes(), st.endMinute(), total);
            html.append("<span class=\"gantt-time\">").append(Shown.duration(st.durationMinutes())).append("</span></div>\n");
        }
        for (RecoveryPlanView.TenantSlot t : plan.tenants()) {
            html.append("<div class=\"gantt-row tenant-row\"><span class=\"gantt-label\">").append(t.position()).append(". ");
            clientLink(html, context, t.tenantSiren(), names.apply(t.tenantSiren()));
            html.append("</span>");
            bar(html, "level-" + t.serviceLevel().name(), t.source().drill(), t.startMinute(), t.durationMinutes(), t.endMinute(), total);
            html.append("<span class=\"gantt-time\">").append(Shown.duration(t.endMinute())).append("</span></div>\n");
        }
        return html.toString();
    }

    /**
     * A client as {@code WEB-INF/includes/client-link.xhtml} writes it: its company name linked to its summary, then
     * its SIREN; the SIREN alone, still linked, when {@code name} is null or empty.
     */
    static void clientLink(StringBuilder html, String context, String siren, String name) {
        String shownSiren = escape(siren);
        html.append("<a href=\"").append(escape(context)).append("/admin/clients/summary.xhtml?siren=").append(shownSiren)
                .append("\" class=\"client-link\">").append(name == null || name.isEmpty() ? shownSiren : escape(name)).append("</a>");
        if (name != null && !name.isEmpty()) {
            html.append("<span class=\"siren\"> · ").append(shownSiren).append("</span>");
        }
    }

    private static void bar(StringBuilder html, String kind, boolean drill, int start, int duration, int end, int total) {
        html.append("<span class=\"gantt-track\" aria-hidden=\"true\"><span class=\"gantt-bar ").append(kind)
                .append(drill ? " from-drill" : " ").append("\" style=\"left: ").append(Durations.percent(start, total))
                .append("%; width: ").append(Durations.percent(duration, total)).append("%\" title=\"").append(Shown.duration(start))
                .append(" → ").append(Shown.duration(end)).append("\"></span></span>");
    }
}
