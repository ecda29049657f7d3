package fr.gestan.cloud.web.admin;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.web.i18n.Formats;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The foundation's back-office tiles: tenant count, data centres, and the latest journal entries for those allowed
 * to read them; read with the other tiles' figures in one call per view ({@link BackOfficeDashboardView}).
 * Request-scoped: the dashboard has no form, nothing to keep between requests; a view-scoped bean was created and
 * kept in the session's views at each view (docs/performance.md, "staff tenant pages and dashboards (pages10t)").
 */
@Named
@RequestScoped
public class BackOfficeHomeBean {

    @Inject
    BackOfficeDashboardView dashboard;
    @Inject
    Labels label;
    @Inject
    Formats fmt;

    public long getTenantCount() {
        return dashboard.figures().tenantCount();
    }

    public List<DataCentreView> getDataCentres() {
        return dashboard.figures().dataCentres();
    }

    public List<JournalEntryView> getLatestJournal() {
        return dashboard.figures().latestJournal();
    }

    /**
     * The journal tile's rows, written here as its {@code ui:repeat} wrote them (the same cells, labels and column
     * names): the repeat evaluated seven EL expressions and five bundle look-ups per row, ten rows a view, 3 to 5 % of
     * the dashboard's request CPU (docs/performance.md, "staff pages' CPU per view against the home page's"). Each value is escaped as the page escaped it.
     */
    public String getJournalRows() {
        return journalRows(getLatestJournal(), JOURNAL_COLUMNS.stream().map(key -> Messages.label("msg", key)).toList(), label, fmt);
    }

    /** The journal table's column names (bundle {@code msg}), in order. */
    static final List<String> JOURNAL_COLUMNS = List.of("journal.when", "journal.actor", "journal.action", "journal.target", "journal.outcome");

    /** The rows of {@code entries}, each cell with its column's name ({@code columns}, as {@link #JOURNAL_COLUMNS}) for phones. */
    static String journalRows(List<JournalEntryView> entries, List<String> columns, Labels label, Formats fmt) {
        List<String> names = columns.stream().map(c -> "<td data-label=\"" + escape(c) + "\">").toList();
        StringBuilder html = new StringBuilder(entries.size() * 400);
        for (JournalEntryView e : entries) {
            html.append("<tr>").append(names.get(0)).append(escape(fmt.dateTime(e.occurredAt()))).append("</td>")
                    .append(names.get(1)).append(escape(e.actor() == null ? "" : e.actor())).append(" (")
                    .append(escape(label.code("Role", e.actorRole()))).append(")</td>")
                    .append(names.get(2)).append(escape(label.action(e.action()))).append("</td>")
                    .append(names.get(3)).append(escape(label.data(e.target()))).append("</td>")
                    .append(names.get(4)).append(escape(label.code("JournalEvent.Outcome", e.outcome()))).append("</td></tr>\n");
        }
        return html.toString();
    }

    public boolean isJournalVisible() {
        return dashboard.journalVisible();
    }
}
