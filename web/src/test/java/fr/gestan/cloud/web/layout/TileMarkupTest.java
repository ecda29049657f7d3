package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.common.MarkupText;
import org.junit.jupiter.api.Test;

/** A tile written by its bean is the markup of the tag gt:tile (WEB-INF/tags/tile.xhtml): section, title, link, tone. */
class TileMarkupTest {

    @Test
    void a_tile_with_its_title_linked_to_its_page_and_its_tone() {
        assertEquals("<section id=\"tile-x\" class=\"card tile tile-warning\" aria-labelledby=\"tile-x-title\">\n"
                + "<h2 id=\"tile-x-title\" class=\"tile-title\"><a href=\"/ctx/portal/x.xhtml?a=1&amp;b=2\">Mes &lt;x&gt;</a></h2>\n"
                + "<div class=\"tile-body\">\n<p>body</p>\n</div>\n</section>\n",
                TileMarkup.tile("tile-x", "Mes <x>", "/ctx/portal/x.xhtml?a=1&b=2", "warning", "<p>body</p>\n"));
    }

    @Test
    void a_tile_without_a_page_has_a_plain_title() {
        assertEquals("<section id=\"company\" class=\"card tile tile-normal\" aria-labelledby=\"company-title\">\n"
                + "<h2 id=\"company-title\" class=\"tile-title\">L&#39;entreprise</h2>\n<div class=\"tile-body\">\n</div>\n</section>\n",
                TileMarkup.tile("company", "L'entreprise", null, "normal", ""));
    }

    @Test
    void a_value_is_written_as_an_expression_writes_it() {
        assertEquals("", MarkupText.text(null));
        assertEquals("a &amp; b &quot;c&quot;", MarkupText.text("a & b \"c\""));
        assertEquals("12", MarkupText.text(12));
    }
}
