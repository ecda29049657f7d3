package fr.gestan.cloud.web.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.hosting.api.RecoveryPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recovery page's server links and restore order written in one pass: the markup the page's two {@code ui:repeat}
 * wrote (the order's client link as {@code client-link.xhtml} writes it), escaped; the page repeats neither any more.
 */
class RecoveryRowsTest {

    private static final List<String> COLUMNS = List.of("Rang", "Client", "Niveau", "Données (Go)", "Remis en service après", "Source");

    @Test
    void each_server_is_a_plain_link_and_the_shown_one_is_marked_current() {
        String html = RecoveryRows.serverLinks(List.of(new RecoveryPage.Server(1, "GC-PROD-01"), new RecoveryPage.Server(6, "SCALE<P>&00")), 6L);
        assertEquals("<a href=\"recovery.xhtml?server=1\">GC-PROD-01</a>\n"
                + "<a href=\"recovery.xhtml?server=6\" class=\"current\">SCALE&lt;P&gt;&amp;00</a>\n", html);
        assertEquals("<a href=\"recovery.xhtml?server=1\">GC-PROD-01</a>\n",
                RecoveryRows.serverLinks(List.of(new RecoveryPage.Server(1, "GC-PROD-01")), null), "no plan shown: none is current");
    }

    @Test
    void each_tenant_of_the_order_is_the_row_the_repeat_wrote() {
        String html = RecoveryRows.orderRows(List.of(
                new RecoveryBean.OrderRow(3, "913572467", "Cabinet \"Durand\" & fils", "Premium", 35, "59 min", "paramètre"),
                new RecoveryBean.OrderRow(4, "310000005", null, "Standard", 5, "1 h 09", "exercice du 01/03/2026")), COLUMNS, "/ctx", "Aucun");
        assertEquals("<tr><td data-label=\"Rang\">3</td><td data-label=\"Client\"><a href=\"/ctx/admin/clients/summary.xhtml?siren=913572467\""
                + " class=\"client-link\">Cabinet &quot;Durand&quot; &amp; fils</a><span class=\"siren\"> · 913572467</span></td>"
                + "<td data-label=\"Niveau\">Premium</td><td data-label=\"Données (Go)\">35</td>"
                + "<td data-label=\"Remis en service après\">59 min</td><td data-label=\"Source\">paramètre</td></tr>\n"
                + "<tr><td data-label=\"Rang\">4</td><td data-label=\"Client\"><a href=\"/ctx/admin/clients/summary.xhtml?siren=310000005\""
                + " class=\"client-link\">310000005</a></td>"
                + "<td data-label=\"Niveau\">Standard</td><td data-label=\"Données (Go)\">5</td>"
                + "<td data-label=\"Remis en service après\">1 h 09</td><td data-label=\"Source\">exercice du 01/03/2026</td></tr>\n", html);
    }

    @Test
    void an_empty_order_is_the_one_row_saying_so() {
        assertEquals("<tr class=\"empty\"><td colspan=\"6\">Aucun &lt;client&gt;</td></tr>\n",
                RecoveryRows.orderRows(List.of(), COLUMNS, "", "Aucun <client>"));
    }

    @Test
    void the_page_repeats_neither_the_servers_nor_the_order() throws IOException {
        String page = Files.readString(Path.of("src/main/webapp/admin/hosting/recovery.xhtml"));
        assertFalse(page.contains("#{recoveryBean.servers}"), "the servers' links are written by RecoveryRows");
        assertFalse(page.contains("#{recoveryBean.orderPage}"), "the order's rows are written by RecoveryRows");
        assertTrue(page.contains("#{recoveryBean.serverLinks}") && page.contains("#{recoveryBean.orderRows}"));
    }
}
