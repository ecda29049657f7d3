package fr.gestan.cloud.web.portal;

import static fr.gestan.cloud.common.MarkupText.escape;

import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.layout.TileMarkup;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The client's portal home: its company. Request-scoped: the dashboard's refresh button reads its tiles again, and a
 * view-scoped bean cost its creation in the view's map at every view (docs/performance.md, "client dashboard and journal page").
 */
@Named
@RequestScoped
public class PortalHomeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The caller's company, read once per request for the header and the tiles (docs/performance.md, client19). */
    @Inject
    CurrentUser user;

    @Inject
    Messages messages;

    private TenantView company;

    @PostConstruct
    void load() {
        company = user.getCompany();
        if (company == null) {
            messages.error("portal.company.missing");
        }
    }

    public TenantView getCompany() {
        return company;
    }

    /** The dashboard's company tile, written whole ({@link TileMarkup}); nothing without a company. */
    public String getTile() {
        return tile(company, TileMarkup.BUNDLES);
    }

    static String tile(TenantView company, TileMarkup.Texts text) {
        if (company == null) {
            return "";
        }
        String state = company.state() == null ? "" : company.state().name();
        return TileMarkup.tile("company", text.of("msg", "portal.tile.company"), null, "normal",
                "<p class=\"tile-figure-text\" id=\"company-name\">" + escape(company.legalName()) + "</p>\n<dl class=\"facts\">\n<dt>"
                + escape(text.of("msg", "portal.company.siren")) + "</dt><dd id=\"company-siren\">" + escape(company.siren()) + "</dd>\n<dt>"
                + escape(text.of("msg", "portal.company.state")) + "</dt>\n<dd id=\"company-state\"><span class=\"badge badge-" + escape(state)
                + "\">" + escape(text.of("msg", "tenant.state." + state)) + "</span></dd>\n</dl>\n");
    }
}
