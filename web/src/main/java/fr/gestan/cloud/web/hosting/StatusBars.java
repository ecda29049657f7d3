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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A server's 90-day uptime bar as HTML, written in one pass: /status shows every server's (200 servers, 18,000 days),
 * and the same markup through a {@code ui:repeat} cost one EL evaluation of the day's class and one of its title
 * (a chain of four choices and a bundle look-up) per day, most of the page's time on an idle server (0.45 to 0.75 s
 * against 0.04 s for the home page, docs/performance.md 4.4). The markup is the one the include wrote:
 * {@code <span class="day impact-MARK" title="DATE · TEXT"></span>} per day, oldest first.
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
            StringBuilder html = new StringBuilder(board.components().size() * 9_000);
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
        html.append("<div class=\"card component\" id=\"component-").append(escape(c.name())).append("\">")
                .append("<div class=\"component-head\"><strong class=\"component-name\">").append(escape(c.name())).append("</strong>")
                .append("<span class=\"small\">").append(escape(c.dataCentreCode())).append(" · ").append(escape(c.city()))
                .append(" · ").append(escape(labels.code("ServerRole", c.role()))).append("</span>")
                .append("<span class=\"state state-").append(c.state()).append(" component-state\">")
                .append(escape(labels.code("ServerState", c.state()))).append("</span></div>")
                .append("<div class=\"uptime-bar\" role=\"img\" aria-label=\"").append(escape(message("status.bar") + " " + uptime + " %"))
                .append("\">").append(of(c)).append("</div>")
                .append("<div class=\"small uptime-legend\"><span>").append(escape(message("status.daysAgo"))).append("</span>")
                .append("<span class=\"uptime\">").append(uptime).append(" % ").append(escape(message("status.uptime"))).append("</span>")
                .append("<span>").append(escape(message("status.today"))).append("</span></div></div>\n");
    }

    /** The bar's days of this server (var {@code c} of the component include). */
    public String of(ComponentStatusView c) {
        StringBuilder html = new StringBuilder(c.days().size() * 96);
        for (ComponentStatusView.Day d : c.days()) {
            html.append("<span class=\"day impact-").append(d.mark()).append("\" title=\"")
                    .append(escape(d.date() + " · " + text(d))).append("\"></span>");
        }
        return html.toString();
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
