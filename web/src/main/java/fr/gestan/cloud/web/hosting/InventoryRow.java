package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.i18n.Labels;
import java.io.Serializable;

/**
 * A server as a row of the staff inventory shows it: every cell's text made once when its page is read, so that
 * rendering a row evaluates one property per cell (no label lookup, no outcome to resolve, no command link per row:
 * docs/performance.md 4.17). The links are relative to the inventory's folder ({@code /admin/hosting/}).
 */
public record InventoryRow(long id, String name, String site, String roleLabel, String load, int loadPercent, String state,
                           String stateLabel, String profile, String recovery, String metrics) implements Serializable {

    static InventoryRow of(ServerView s, Labels label) {
        return new InventoryRow(s.id(), s.name(), s.dataCentreCode() + " · " + s.city(), label.of(s.role()),
                s.load() + " / " + s.capacity(), s.loadPercent(), s.state().name(), label.of(s.state()), s.profile(),
                s.role() == ServerRole.PRODUCTION ? "recovery.xhtml?server=" + s.id() : null, "?server=" + s.id() + "#metrics");
    }
}
