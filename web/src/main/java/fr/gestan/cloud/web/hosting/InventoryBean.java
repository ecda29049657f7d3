package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.InventoryPage;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.ServerPage;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.layout.LinkPages;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * Staff's view of the hosting inventory: operators, data centres, servers with their load (paged in the database, 25
 * a page by default: 200 servers at scale were 200 rows of components per view, docs/performance.md 4.13) and alerts;
 * the administrators' forms and one server's metrics ({@code ?server=}) are {@link InventoryFormsBean}'s. Request-scoped:
 * the plain view has no form, and a view-scoped bean was made and kept at each view (docs/performance.md, "staff pages'
 * render cost (staff21)"); a form's postback reads the tables again, of the first page. A view reads three statements in one call, hence one
 * transaction ({@link HostingInventory#inventoryPage}): the operators, the data centres, and the servers' page of the
 * address ({@code ?page=2&size=50}) with their count and the alerts (read once for the alerts card and the table); its
 * rows' cells are made once per page ({@link InventoryRow}, performance.md 4.17). The table is a plain one whose pages
 * are plain links, not a PrimeFaces table paged by AJAX posts (docs/performance.md, "hosting pages (pages11h)").
 */
@Named
@RequestScoped
public class InventoryBean {

    /** The servers table's rows a page by default. */
    static final int PAGE_SIZE = 25;
    /** The rows a page one may ask for ({@code ?size=}); any other size is the default. */
    static final List<Integer> SIZES = List.of(PAGE_SIZE, 50, 100);
    /** The highest page number read from an address (a larger one is the last page): its first row fits an int. */
    static final int MAX_PAGE = Integer.MAX_VALUE / 100;

    @EJB
    HostingInventory inventory;
    @Inject
    CurrentUser user;
    @Inject
    Labels label;

    private List<OperatorView> operators;
    private List<DataCentreView> dataCentres;
    /** The servers' page shown (from 1), its rows a page, how many pages, and its rows made once per page. */
    private int page = 1;
    private int size = PAGE_SIZE;
    private int pageCount = 1;
    private List<InventoryRow> rows;
    /** The degraded servers, read with the page. */
    private List<ServerView> alerts = List.of();
    private Long metricsServerId;
    /** The administrator's form this view shows ({@code ?form=}: server, operator, ownership, certification), none by default. */
    private String form;

    /** The view's reads ({@code f:viewAction}): the page of the address's {@code page} and {@code size}. */
    public void open() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        open(parameters.get("page"), parameters.get("size"));
    }

    /** The page numbered {@code pageParameter} (1 when absent or not a number) of {@code sizeParameter} rows (25, 50 or 100). */
    void open(String pageParameter, String sizeParameter) {
        int asked = LinkPages.number(sizeParameter, PAGE_SIZE, Integer.MAX_VALUE);
        size = SIZES.contains(asked) ? asked : PAGE_SIZE;
        page = LinkPages.number(pageParameter, 1, MAX_PAGE);
        load();
    }

    /** The operators, the data centres and this page of the servers with the alerts: one call, one transaction (again after a form's write). */
    public void load() {
        InventoryPage opened = inventory.inventoryPage((page - 1) * size, size);
        operators = opened.operators();
        dataCentres = opened.dataCentres();
        ServerPage servers = opened.servers();
        if (servers.rows().isEmpty() && page > 1) {
            // past the end (an old address, servers fewer since): the last page, one more call
            page = LinkPages.count(servers.total(), size);
            servers = inventory.serverPage((page - 1) * size, size);
        }
        pageCount = LinkPages.count(servers.total(), size);
        rows = servers.rows().stream().map(s -> InventoryRow.of(s, label)).toList();
        alerts = servers.alerts();
    }

    /** What the view shows, read once if the view action has not (a form's postback). */
    private void opened() {
        if (rows == null) {
            load();
        }
    }

    public boolean isAdmin() {
        return user.hasRole(Roles.ADMIN);
    }

    public List<OperatorView> getOperators() {
        opened();
        return operators;
    }

    public List<DataCentreView> getDataCentres() {
        opened();
        return dataCentres;
    }

    /** This page's servers, by name. */
    public List<InventoryRow> getRows() {
        opened();
        return rows;
    }

    public List<ServerView> getAlerts() {
        opened();
        return alerts;
    }

    /** This page's number, from 1. */
    public int getPage() {
        return page;
    }

    public int getPageCount() {
        return pageCount;
    }

    /** The rows a page (25, 50 or 100). */
    public int getSize() {
        return size;
    }

    public List<Integer> getSizes() {
        return SIZES;
    }

    /** "(2 sur 9)", as PrimeFaces' paginators said it. */
    public String getPageReport() {
        return LinkPages.report(page, pageCount);
    }

    public Long getMetricsServerId() {
        return metricsServerId;
    }

    public void setMetricsServerId(Long value) {
        this.metricsServerId = value;
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form;
    }
}
