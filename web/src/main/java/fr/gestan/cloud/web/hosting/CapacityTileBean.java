package fr.gestan.cloud.web.hosting;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.admin.BackOfficeDashboardView;
import fr.gestan.cloud.web.i18n.LanguageBean;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The back-office home's capacity tile: tenants per production server against capacity, and open incidents.
 *
 * <p>The servers' items are the same for every staff member who sees the same servers: they are written as markup once
 * per list of servers and language ({@link #getItems}), not through a {@code ui:repeat} of 100 items and 8 EL
 * evaluations each at every view (docs/performance.md 4.16). The markup is the one the repeat wrote. The servers and
 * the open incidents are read with the other tiles' figures in one call per view ({@link BackOfficeDashboardView}).
 */
@Named
@RequestScoped
public class CapacityTileBean {

    /** The last list of production servers written, per language. */
    private record Written(List<ServerView> servers, String html) {
    }

    private static final Map<String, Written> WRITTEN = new ConcurrentHashMap<>();

    @Inject
    BackOfficeDashboardView dashboard;
    @Inject
    LanguageBean language;

    private List<ServerView> production;

    public List<ServerView> getProduction() {
        if (production == null) {
            production = dashboard.figures().servers().stream().filter(s -> s.role() == ServerRole.PRODUCTION).toList();
        }
        return production;
    }

    /** Every production server as its item of the list, written once per list (compared by value) and language. */
    public String getItems() {
        List<ServerView> servers = getProduction();
        return written(language.getLanguage(), servers,
                () -> items(servers, Messages.label("hmsg", "tile.capacity.unit"), Messages.label("hmsg", "tile.capacity.help")));
    }

    /** The markup kept for this language if it was written from the same servers, else {@code write}'s, kept. */
    static String written(String lang, List<ServerView> servers, Supplier<String> write) {
        Written w = WRITTEN.get(lang);
        if (w == null || !w.servers().equals(servers)) {
            w = new Written(servers, write.get());
            WRITTEN.put(lang, w);
        }
        return w.html();
    }

    /** What the tile's {@code ui:repeat} wrote for each server, {@code unit} and {@code help} in the page's language. */
    static String items(List<ServerView> servers, String unit, String help) {
        String u = escape(unit);
        String h = escape(help);
        StringBuilder html = new StringBuilder(servers.size() * 400);
        for (ServerView s : servers) {
            String figure = s.load() + " " + u + " " + s.capacity();
            html.append("<li><strong>").append(escape(s.name())).append("</strong> · ").append(escape(s.dataCentreCode()))
                    .append("<div class=\"loadbar\" role=\"img\" aria-label=\"").append(figure).append("\"><span style=\"width: ")
                    .append(s.loadPercent()).append("%\"></span></div>")
                    .append("<span class=\"capacity-figure\" title=\"").append(h).append("\">").append(figure).append("</span></li>\n");
        }
        return html.toString();
    }

    public List<IncidentView> getOpenIncidents() {
        return dashboard.figures().openIncidents(); // not the whole status board: every server's status for a count
    }
}
