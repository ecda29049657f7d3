package fr.gestan.cloud.web.hosting;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.hosting.api.RecoveryPage;
import java.util.List;

/**
 * The recovery page's server links and its restore order's rows, written as markup in one pass as its Gantt is
 * ({@link RecoveryGantt}): the servers' {@code ui:repeat} (100 production servers at full scale) resolved the view
 * bean by name for each link, and the order's (25 rows a page) evaluated twelve EL expressions and a
 * {@code ui:include} per row, at every view (docs/performance.md 4.74). The markup is the one the repeats wrote.
 */
final class RecoveryRows {

    private RecoveryRows() {
    }

    /** The servers' links, the one whose plan is shown marked {@code current}. */
    static String serverLinks(List<RecoveryPage.Server> servers, Long current) {
        StringBuilder html = new StringBuilder(64 * servers.size());
        for (RecoveryPage.Server s : servers) {
            html.append("<a href=\"recovery.xhtml?server=").append(s.id()).append('"');
            if (current != null && s.id() == current) {
                html.append(" class=\"current\"");
            }
            html.append('>').append(escape(s.name())).append("</a>\n");
        }
        return html.toString();
    }

    /**
     * The order table's rows, each cell with its column's name for phones ({@code columns}: position, client, level,
     * volume, back at, source), or the one row saying there is none ({@code none}).
     */
    static String orderRows(List<RecoveryBean.OrderRow> rows, List<String> columns, String context, String none) {
        if (rows.isEmpty()) {
            return "<tr class=\"empty\"><td colspan=\"6\">" + escape(none) + "</td></tr>\n";
        }
        List<String> cells = columns.stream().map(c -> "<td data-label=\"" + escape(c) + "\">").toList();
        StringBuilder html = new StringBuilder(600 * rows.size());
        for (RecoveryBean.OrderRow t : rows) {
            html.append("<tr>").append(cells.get(0)).append(t.position()).append("</td>").append(cells.get(1));
            RecoveryGantt.clientLink(html, context, t.siren(), t.name());
            html.append("</td>").append(cells.get(2)).append(escape(t.levelLabel())).append("</td>")
                    .append(cells.get(3)).append(t.volume()).append("</td>")
                    .append(cells.get(4)).append(escape(t.backAt())).append("</td>")
                    .append(cells.get(5)).append(escape(t.sourceLabel())).append("</td></tr>\n");
        }
        return html.toString();
    }
}
