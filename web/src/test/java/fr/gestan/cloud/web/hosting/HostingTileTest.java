package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's hosting tile, written by its bean: each recovery and server as its template's repeats wrote them. */
class HostingTileTest {

    @Test
    void each_recovery_estimate_and_each_servers_state() {
        String html = PortalHostingBean.tile(List.of(new MyRecoveryView(1, "GC-PROD-01", "PAR<2>", 3, 12, 179, false)),
                List.of(new ComponentStatusView(1, "GC-BKP-01", "PAR2", "Paris", ServerRole.BACKUP, ServerState.PARTIAL_OUTAGE, List.of(), 99.0)),
                (bundle, key) -> bundle + ":" + key, state -> "label:" + state, "/ctx");
        assertTrue(html.startsWith("<section id=\"tile-my-hosting\" class=\"card tile tile-normal\""), html);
        assertTrue(html.contains("<a href=\"/ctx/portal/hosting.xhtml\">hmsg:tile.portal</a>"), html);
        assertTrue(html.contains("<p class=\"my-recovery-summary\">\nhmsg:portal.recovery.server <strong>GC-PROD-01</strong> (PAR&lt;2&gt;)<br/>\n"
                + "hmsg:portal.recovery.estimate <strong class=\"tile-recovery-estimate\">2 h 59 min</strong>\n· hmsg:portal.recovery.position 3 / 12\n</p>"), html);
        assertTrue(html.contains("<ul id=\"tile-my-servers\" class=\"plain-list\">\n<li>GC-BKP-01 · <span class=\"state state-PARTIAL_OUTAGE\">label:PARTIAL_OUTAGE</span></li>\n</ul>"), html);
        assertTrue(html.contains("<a id=\"my-hosting-link\" href=\"/ctx/portal/hosting.xhtml\">hmsg:portal.hosting.title</a>"), html);
    }
}
