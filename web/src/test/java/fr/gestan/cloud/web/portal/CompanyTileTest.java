package fr.gestan.cloud.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import org.junit.jupiter.api.Test;

/** The dashboard's company tile, written by its bean: the ids, words and values its template wrote, escaped. */
class CompanyTileTest {

    @Test
    void the_company_its_siren_and_its_state() {
        String html = PortalHomeBean.tile(new TenantView(7, "Dupont & Fils <SARL>", "842317653", TenantState.SUSPENDED), (bundle, key) -> bundle + ":" + key);
        assertTrue(html.startsWith("<section id=\"company\" class=\"card tile tile-normal\""), html);
        assertTrue(html.contains("<h2 id=\"company-title\" class=\"tile-title\">msg:portal.tile.company</h2>"), html);
        assertTrue(html.contains("<p class=\"tile-figure-text\" id=\"company-name\">Dupont &amp; Fils &lt;SARL&gt;</p>"), html);
        assertTrue(html.contains("<dt>msg:portal.company.siren</dt><dd id=\"company-siren\">842317653</dd>"), html);
        assertTrue(html.contains("<dt>msg:portal.company.state</dt>\n<dd id=\"company-state\"><span class=\"badge badge-SUSPENDED\">"
                + "msg:tenant.state.SUSPENDED</span></dd>"), html);
    }

    @Test
    void no_tile_without_a_company() {
        assertEquals("", PortalHomeBean.tile(null, (bundle, key) -> key));
    }
}
