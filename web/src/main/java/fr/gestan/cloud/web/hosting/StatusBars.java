package fr.gestan.cloud.web.hosting;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.i18n.LanguageBean;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A server's 90-day uptime bar as HTML, written in one pass: /status shows every server's (200 servers, 18,000 days).
 * A run of like days (the same mark, one day after the other) is one element as wide as its days, class {@code nN}
 * for N days (gestan.css: the bar's mask draws the 90 day columns, so a run looks like its days), titled with its
 * first and last dates and what they were: {@code <span class="day impact-MARK nN" title="du DATE au DATE · TEXT">}
 * (a single day: {@code title="DATE · TEXT"}, no {@code nN}). One element per day, as it was, weighed about 70 bytes a
 * day, 1.3 MB per view at 200 servers, most of them the same "no incident" day (docs/performance.md 4.15). The bar's
 * accessible name ({@link #label}) gives the uptime and every run's title, so a screen reader hears the whole bar.
 *
 * <p>/status writes its whole list of servers ({@link #components}) the same way, the cards around the bars too, and
 * only once per board and language: the board is the same object for every visitor of the next seconds
 * ({@code PublicStatusBoard}), and 200 included cards cost the page hundreds of components and EL evaluations per view
 * (3.3 ms of the page's 6.0× the home page's p95 under load, docs/performance.md 4.13). The card is the one of
 * {@code WEB-INF/includes/component.xhtml}, which the client's hosting page still includes for its few servers.
 */
@Named
@RequestScoped
public class StatusBars {

    /** The last board's servers as markup, per language: written by the first view of each board. */
    private record Written(PublicStatusView board, String html) {
    }

    private static final Map<String, Written> WRITTEN = new ConcurrentHashMap<>();

    final Map<String, String> texts = new HashMap<>(); // key to text, read once per request
    private ResourceBundle bundle;

    @Inject
    Labels labels;
    @Inject
    LanguageBean language;

    /** Every server of the board as its card (the include's markup), written once per board and language. */
    public String components(PublicStatusView board) {
        String lang = language.getLanguage();
        Written w = WRITTEN.get(lang);
        if (w == null || w.board() != board) {
            StringBuilder html = new StringBuilder(board.components().size() * 1_000);
            for (ComponentStatusView c : board.components()) {
                card(c, html);
            }
            w = new Written(board, html.toString());
            WRITTEN.put(lang, w);
        }
        return w.html();
    }

    /** What component.xhtml writes for one server. */
    void card(ComponentStatusView c, StringBuilder html) {
        String uptime = String.valueOf(c.uptimePercent()); // as EL prints a double
        List<Run> runs = runs(c);
        html.append("<div class=\"card component\" id=\"component-").append(escape(c.name())).append("\">")
                .append("<div class=\"component-head\"><strong class=\"component-name\">").append(escape(c.name())).append("</strong>")
                .append("<span class=\"small\">").append(escape(c.dataCentreCode())).append(" · ").append(escape(c.city()))
                .append(" · ").append(escape(labels.code("ServerRole", c.role()))).append("</span>")
                .append("<span class=\"state state-").append(c.state()).append(" component-state\">")
                .append(escape(labels.code("ServerState", c.state()))).append("</span></div>")
                .append("<div class=\"uptime-bar\" role=\"img\" aria-label=\"").append(escape(label(c, runs)))
                .append("\">").append(bar(c, runs)).append("</div>")
                .append("<div class=\"small uptime-legend\"><span>").append(escape(message("status.daysAgo"))).append("</span>")
                .append("<span class=\"uptime\">").append(uptime).append(" % ").append(escape(message("status.uptime"))).append("</span>")
                .append("<span>").append(escape(message("status.today"))).append("</span></div></div>\n");
    }

    /** Like days in a row: the first's index, how many, and what they were. */
    record Run(int from, int days, String title) {
    }

    /** The bar's days of this server (var {@code c} of the component include), a run of like days at a time. */
    public String of(ComponentStatusView c) {
        return bar(c, runs(c));
    }

    private static String bar(ComponentStatusView c, List<Run> runs) {
        StringBuilder html = new StringBuilder(160);
        for (Run run : runs) {
            html.append("<span class=\"day impact-").append(c.days().get(run.from()).mark());
            if (run.days() > 1) {
                html.append(" n").append(run.days());
            }
            html.append("\" title=\"").append(escape(run.title())).append("\"></span>");
        }
        return html.toString();
    }

    /** The bar's text for a screen reader: the uptime, then every run's title ("Availability …: 99.9 % ; … ; …"). */
    public String label(ComponentStatusView c) {
        return label(c, runs(c));
    }

    private String label(ComponentStatusView c, List<Run> runs) {
        StringBuilder text = new StringBuilder(message("status.bar")).append(' ').append(c.uptimePercent()).append(" %");
        for (Run run : runs) {
            text.append(" ; ").append(run.title());
        }
        return text.toString();
    }

    /** The days in runs of the same mark on consecutive dates, oldest first. */
    List<Run> runs(ComponentStatusView c) {
        List<ComponentStatusView.Day> days = c.days();
        List<Run> runs = new ArrayList<>();
        for (int from = 0; from < days.size(); ) {
            ComponentStatusView.Day first = days.get(from);
            int to = from + 1; // exclusive
            while (to < days.size() && days.get(to).mark().equals(first.mark())
                    && days.get(to).date().equals(days.get(to - 1).date().plusDays(1))) {
                to++;
            }
            LocalDate last = days.get(to - 1).date();
            String when = to - from == 1 ? first.date().toString()
                    : MessageFormat.format(message("status.days"), first.date().toString(), last.toString());
            runs.add(new Run(from, to - from, when + " · " + text(first)));
            from = to;
        }
        return runs;
    }

    /** The day's title after its date, as the include's EL chose it. */
    private String text(ComponentStatusView.Day d) {
        if (d.notInService()) {
            return message("status.notInService");
        }
        if (d.worstImpact() != null) {
            return message("impact." + d.worstImpact().name());
        }
        return message(d.noData() ? "status.noData" : "status.noIncident");
    }

    private String message(String key) {
        return texts.computeIfAbsent(key, k -> {
            if (bundle == null) {
                FacesContext faces = FacesContext.getCurrentInstance();
                bundle = faces.getApplication().getResourceBundle(faces, "hmsg");
            }
            try {
                return bundle.getString(k);
            } catch (MissingResourceException e) {
                return "???" + k + "???"; // what the EL showed for a missing key
            }
        });
    }
}
