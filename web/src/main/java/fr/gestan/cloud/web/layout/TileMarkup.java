package fr.gestan.cloud.web.layout;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.web.i18n.Messages;
import jakarta.faces.context.FacesContext;

/**
 * A dashboard tile written as the tag {@code gt:tile} (WEB-INF/tags/tile.xhtml) writes it: the same section, title,
 * link and tone, for the client dashboard's tiles, whose beans write each tile whole (docs/performance.md 4.73: the
 * tag, its conditions and the tiles' repeats and expressions were about a fifth of the view's CPU). The body is
 * markup its bean wrote, every value in it escaped.
 */
public final class TileMarkup {

    /** A bundle's text as the pages print it ({@code #{cmsg['key']}}): the bundle's variable and the key. */
    @FunctionalInterface
    public interface Texts {
        String of(String bundleVar, String key);
    }

    /** The application's bundles in the view's language ({@link Messages#label}). */
    public static final Texts BUNDLES = Messages::label;

    private TileMarkup() {
    }

    /**
     * The tile {@code id} titled {@code title} (a link to {@code href} when not null, already a full path), of tone
     * {@code tone} ({@code normal}, {@code ok}, {@code warning}, {@code alert}) around {@code body}.
     */
    public static String tile(String id, String title, String href, String tone, String body) {
        String safeId = escape(id);
        StringBuilder html = new StringBuilder(body.length() + 300);
        html.append("<section id=\"").append(safeId).append("\" class=\"card tile tile-").append(escape(tone))
                .append("\" aria-labelledby=\"").append(safeId).append("-title\">\n<h2 id=\"").append(safeId).append("-title\" class=\"tile-title\">");
        if (href == null) {
            html.append(escape(title));
        } else {
            html.append("<a href=\"").append(escape(href)).append("\">").append(escape(title)).append("</a>");
        }
        return html.append("</h2>\n<div class=\"tile-body\">\n").append(body).append("</div>\n</section>\n").toString();
    }

    /** The application's path ({@code ""} at the root), for the tiles' links. */
    public static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }
}
