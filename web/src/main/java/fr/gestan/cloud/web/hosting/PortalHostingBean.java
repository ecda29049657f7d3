package fr.gestan.cloud.web.hosting;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.common.MarkupText;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.MyHostingView;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.layout.TileMarkup;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * The client's hosting: its own contracts, its estimated recovery time and position, its own servers' status.
 * Request-scoped (its pages have no form; the dashboard's refresh reads the tile again): docs/performance.md, "client
 * dashboard and journal page".
 */
@Named
@RequestScoped
public class PortalHostingBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HostingContracts contracts;
    @EJB
    ServerStatus status;
    @Inject
    Labels label;

    private List<ContractView> myContracts;
    private MyHostingView myHosting;
    private List<AvailabilityView> myAvailability;

    // Each list is read when first shown: the dashboard's tile shows only the recovery and the servers (the
    // contracts and availability figures cost 12 statements per dashboard view that nobody saw).
    public List<AvailabilityView> getMyAvailability() {
        if (myAvailability == null) {
            myAvailability = status.myAvailability();
        }
        return myAvailability;
    }

    public String hm(int minutes) {
        return Durations.hm(minutes);
    }

    public List<ContractView> getMyContracts() {
        if (myContracts == null) {
            myContracts = contracts.myContracts();
        }
        return myContracts;
    }

    public List<MyRecoveryView> getMyRecovery() {
        return myHosting().recovery();
    }

    public List<ComponentStatusView> getMyServers() {
        return myHosting().servers();
    }

    /**
     * The dashboard's hosting tile, written whole ({@link TileMarkup}): each recovery estimate and position, each
     * server's state; the lines of its {@code ui:repeat}s, each value escaped.
     */
    public String getTile() {
        return tile(getMyRecovery(), getMyServers(), TileMarkup.BUNDLES, state -> label.code("ServerState", state), TileMarkup.contextPath());
    }

    static String tile(List<MyRecoveryView> recovery, List<ComponentStatusView> servers, TileMarkup.Texts text,
                       Function<Object, String> stateLabel, String contextPath) {
        StringBuilder body = new StringBuilder(600);
        String server = escape(text.of("hmsg", "portal.recovery.server"));
        String estimate = escape(text.of("hmsg", "portal.recovery.estimate"));
        String position = escape(text.of("hmsg", "portal.recovery.position"));
        for (MyRecoveryView r : recovery) {
            body.append("<p class=\"my-recovery-summary\">\n").append(server).append(" <strong>").append(MarkupText.text(r.serverName()))
                    .append("</strong> (").append(MarkupText.text(r.dataCentreCode())).append(")<br/>\n").append(estimate)
                    .append(" <strong class=\"tile-recovery-estimate\">").append(escape(Shown.duration(r.estimatedMinutes())))
                    .append("</strong>\n· ").append(position).append(' ').append(r.position()).append(" / ").append(r.tenantCount()).append("\n</p>\n");
        }
        body.append("<ul id=\"tile-my-servers\" class=\"plain-list\">\n");
        for (ComponentStatusView c : servers) {
            String state = c.state() == null ? "" : c.state().name();
            body.append("<li>").append(MarkupText.text(c.name())).append(" · <span class=\"state state-").append(escape(state))
                    .append("\">").append(escape(stateLabel.apply(c.state()))).append("</span></li>\n");
        }
        String page = contextPath + "/portal/hosting.xhtml";
        body.append("</ul>\n<a id=\"my-hosting-link\" href=\"").append(escape(page)).append("\">")
                .append(escape(text.of("hmsg", "portal.hosting.title"))).append("</a>\n");
        return TileMarkup.tile("tile-my-hosting", text.of("hmsg", "tile.portal"), page, "normal", body.toString());
    }

    /** The recovery and the servers in one call of the hosting module (two before: docs/performance.md, "client dashboard and journal page"). */
    private MyHostingView myHosting() {
        if (myHosting == null) {
            myHosting = status.myHosting();
        }
        return myHosting;
    }
}
