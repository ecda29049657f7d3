package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.MarkupText;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.web.i18n.Formats;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.layout.TileMarkup;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.RealmSecurity;
import fr.gestan.cloud.security.api.RealmSecurity.LockedUserView;
import fr.gestan.cloud.security.api.RealmUnavailableException;
import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Dashboard tiles of the security module: a client's latest journal entries about its company, and for staff the
 * users Keycloak holds locked out, as read at most 30 seconds ago (null when Keycloak cannot be reached: the tile says
 * so).
 */
@Named
@RequestScoped
public class DashboardJournalTiles {

    static final int LATEST = 5;

    @EJB
    JournalQuery journal;
    /** The caller's company as the request read it once (the header's, the company tile's; docs/performance.md, client19). */
    @Inject
    CurrentUser user;
    @EJB
    RealmSecurity realm;
    @Inject
    Formats fmt;
    @Inject
    Labels label;

    private List<JournalEntryView> mine;
    private List<LockedUserView> locked;
    private boolean lockedLoaded;

    public List<JournalEntryView> getMine() {
        if (mine == null) {
            TenantView company = user.getCompany();
            // the SIREN is still checked by the journal's confinement (TenantRef): a client reads its own company's only
            mine = company == null ? List.of() : journal.ofTenant(company.siren(), 0, LATEST);
        }
        return mine;
    }

    /**
     * The client dashboard's journal tile, written whole ({@link TileMarkup}): each entry's date, action and actor,
     * as its {@code ui:repeat} wrote them, each value escaped; "none yet" without entries.
     */
    public String getMineTile() {
        return mineTile(getMine(), TileMarkup.BUNDLES, fmt::dateTime, label::action, TileMarkup.contextPath());
    }

    static String mineTile(List<JournalEntryView> entries, TileMarkup.Texts text, Function<Instant, String> dateTime,
                           Function<String, String> action, String contextPath) {
        StringBuilder body = new StringBuilder(120 + entries.size() * 120).append("<ul id=\"my-journal\" class=\"plain-list\">\n");
        for (JournalEntryView e : entries) {
            body.append("<li>").append(MarkupText.text(dateTime.apply(e.occurredAt()))).append(" · ")
                    .append(MarkupText.text(action.apply(e.action()))).append(" · ").append(MarkupText.text(e.actor())).append("</li>\n");
        }
        body.append("</ul>");
        if (entries.isEmpty()) {
            body.append(MarkupText.text(text.of("smsg", "tile.journal.none")));
        }
        return TileMarkup.tile("tile-my-journal", text.of("smsg", "portal.journal.title"), contextPath + "/portal/security/journal.xhtml",
                "normal", body.append('\n').toString());
    }

    public List<LockedUserView> getLocked() {
        if (!lockedLoaded) {
            lockedLoaded = true;
            try {
                locked = realm.recentLockouts(50); // read at most 30 s ago: the lockouts page reads afresh
            } catch (RealmUnavailableException e) {
                locked = null;
            }
        }
        return locked;
    }
}
