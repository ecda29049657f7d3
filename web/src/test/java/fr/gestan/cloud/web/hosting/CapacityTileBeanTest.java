package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The capacity tile's items written in one pass: the markup the tile's ui:repeat wrote, once per servers and language. */
class CapacityTileBeanTest {

    private static ServerView server(String name, long load) {
        return new ServerView(1, name, "DC3", "Vitry-sur-Seine", ServerRole.PRODUCTION, "standard", 100, load, ServerState.OPERATIONAL);
    }

    @Test
    void each_server_is_an_item_with_its_load_bar_and_figure_escaped() {
        assertEquals("<li><strong>GC-PROD-&lt;01&gt;</strong> · DC3"
                        + "<div class=\"loadbar\" role=\"img\" aria-label=\"42 contrats en cours sur une capacité de 100\">"
                        + "<span style=\"width: 42%\"></span></div>"
                        + "<span class=\"capacity-figure\" title=\"Par serveur : l&#39;aide &amp; plus\">42 contrats en cours sur une capacité de 100</span></li>\n",
                CapacityTileBean.items(List.of(server("GC-PROD-<01>", 42)), "contrats en cours sur une capacité de", "Par serveur : l'aide & plus"));
        assertEquals("<span style=\"width: 100%\">", CapacityTileBean.items(List.of(server("X", 250)), "u", "h")
                .replaceAll("(?s).*(<span style=[^>]*>).*", "$1"), "a bar never wider than full");
    }

    @Test
    void the_items_are_written_once_per_list_of_servers_and_language() {
        AtomicInteger writes = new AtomicInteger();
        List<ServerView> servers = List.of(server("GC-PROD-01", 3), server("GC-PROD-02", 4));
        String first = CapacityTileBean.written("xx", servers, () -> "fr " + writes.incrementAndGet());
        assertSame(first, CapacityTileBean.written("xx", List.copyOf(servers), () -> "fr " + writes.incrementAndGet()),
                "the same servers (another list of equal values): the markup kept");
        assertEquals(1, writes.get());
        assertNotEquals(first, CapacityTileBean.written("yy", servers, () -> "en " + writes.incrementAndGet()), "another language apart");
        String more = CapacityTileBean.written("xx", List.of(server("GC-PROD-01", 4), server("GC-PROD-02", 4)), () -> "fr " + writes.incrementAndGet());
        assertEquals("fr 3", more, "a load changed: written anew");
    }
}
