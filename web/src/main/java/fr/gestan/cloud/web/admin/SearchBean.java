package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.compliance.api.BackOfficeSearch;
import fr.gestan.cloud.compliance.api.SearchKind;
import fr.gestan.cloud.compliance.api.SearchResults;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The back office's global search (/admin/search.xhtml?q=...&amp;kind=...&amp;first=...), a GET page so that results
 * can be bookmarked and the header's search field is a plain form: every kind's first hits, or one kind's page.
 */
@Named
@RequestScoped
public class SearchBean {

    static final int PAGE = 20;

    @EJB
    BackOfficeSearch search;
    @Inject
    Messages messages;

    private String q;
    private String kind;
    private int first;
    private SearchResults results;

    /** f:viewAction. */
    public void load() {
        if (q == null || q.isBlank()) {
            return;
        }
        if (q.strip().length() > BackOfficeSearch.MAX_TEXT) {
            messages.error("search.tooLong", BackOfficeSearch.MAX_TEXT);
            return;
        }
        try {
            results = search.search(q, getKindValue(), Math.max(0, first), getKindValue() == null ? 5 : PAGE);
        } catch (EJBException e) {
            messages.error("search.failed");
        }
    }

    public SearchKind getKindValue() {
        try {
            return kind == null || kind.isBlank() ? null : SearchKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public int getPageSize() {
        return PAGE;
    }

    public SearchResults getResults() {
        return results;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public int getFirst() {
        return first;
    }

    public void setFirst(int first) {
        this.first = first;
    }
}
