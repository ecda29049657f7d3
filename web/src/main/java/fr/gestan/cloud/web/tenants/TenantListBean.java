package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.web.layout.DatabasePages;
import fr.gestan.cloud.web.layout.SearchedPages;
import fr.gestan.cloud.tenants.api.TenantPage;
import fr.gestan.cloud.tenants.api.TenantQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.component.UIData;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The staff list of tenants: lazy, sorted and filtered in the database. Each page costs one call: one query for its
 * rows and, when the page is full, one for the count (the model asks for both through {@link SearchedPages}).
 */
@Named
@ViewScoped
public class TenantListBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantService tenants;

    private String text;
    private TenantState state;
    // One call a page (TenantService.search: the rows, and the count only when the page is full), in one transaction;
    // the count and the rows were two calls, each taking a pooled connection, its check and a commit (4.36).
    private final SearchedPages<TenantView> model = new SearchedPages<>(this::page, tenant -> Long.toString(tenant.id()), 25, 500);

    /**
     * One page of the search. A filter the service refuses (a text longer than it takes) lists nothing, with the table's
     * "no tenant" message: the refusal reached the table's rendering and the browser was sent to the error page. (A
     * message added here would come too late: the page's messages are written before the table.)
     */
    SearchedPages.Page<TenantView> page(int first, int size, SortMeta sort) {
        try {
            TenantPage page = tenants.search(query(sortOf(DatabasePages.field(sort)), DatabasePages.ascending(sort), first, size));
            return new SearchedPages.Page<>(page.rows(), page.total());
        } catch (EJBException e) {
            if (Messages.violationsOf(e) == null) {
                throw e;
            }
            return new SearchedPages.Page<>(List.of(), 0);
        }
    }

    private static TenantQuery.Sort sortOf(String field) {
        return field == null ? TenantQuery.Sort.LEGAL_NAME : switch (field) {
            case "siren" -> TenantQuery.Sort.SIREN;
            case "state" -> TenantQuery.Sort.STATE;
            case "createdAt" -> TenantQuery.Sort.CREATED_AT;
            default -> TenantQuery.Sort.LEGAL_NAME;
        };
    }

    public LazyDataModel<TenantView> getModel() {
        return model;
    }

    /**
     * The "Apply" button's listener: the filtered list opens at its first page, on the server. The table kept the page it
     * showed (page 40, say), so the answer was that page of the new search, or none, and the browser then asked for the
     * first page in a second request (docs/performance.md, "staff pages (pages9s)").
     */
    public void firstPage(ActionEvent event) {
        if (event.getComponent().findComponent("list") instanceof UIData table) {
            table.setFirst(0);
        }
        modelToFirstPage();
    }

    /** The model's next count asks for the first page (the page the table then loads: one call). */
    void modelToFirstPage() {
        model.firstPage();
    }

    public TenantState[] getStates() {
        return TenantState.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public TenantState getState() {
        return state;
    }

    public void setState(TenantState state) {
        this.state = state;
    }

    private TenantQuery query(TenantQuery.Sort sort, boolean ascending, int first, int max) {
        return new TenantQuery(text == null || text.isBlank() ? null : text.strip(), state, null, sort, ascending, first, max);
    }

}
