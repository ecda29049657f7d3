package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.InventoryPage;
import fr.gestan.cloud.hosting.api.MetricView;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.NewOperator;
import fr.gestan.cloud.hosting.api.NewOwnership;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.ServerPage;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.layout.LinkPages;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Staff's view of the hosting inventory: operators, data centres, servers with their load (paged in the database, 25
 * a page by default: 200 servers at scale were 200 rows of components per view, docs/performance.md 4.13), alerts, and
 * one server's metrics and monitoring token ({@code ?server=}). A view reads three statements in one call, hence one
 * transaction ({@link HostingInventory#inventoryPage}): the operators, the data centres, and the servers' page of the
 * address ({@code ?page=2&size=50}) with their count and the alerts (read once for the alerts card and the table); its
 * rows' cells are made once per page ({@link InventoryRow}, performance.md 4.17). The table is a plain one whose pages
 * are plain links, not a PrimeFaces table paged by AJAX posts (docs/performance.md, "hosting pages (pages11h)").
 */
@Named
@ViewScoped
public class InventoryBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The servers table's rows a page by default. */
    static final int PAGE_SIZE = 25;
    /** The rows a page one may ask for ({@code ?size=}); any other size is the default. */
    static final List<Integer> SIZES = List.of(PAGE_SIZE, 50, 100);
    /** The highest page number read from an address (a larger one is the last page): its first row fits an int. */
    static final int MAX_PAGE = Integer.MAX_VALUE / 100;

    @EJB
    HostingInventory inventory;
    @EJB
    Monitoring monitoring;
    @Inject
    @Bundle("hmsg")
    Messages messages;
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
    private ServerView metricsServer;
    private List<MetricView> metrics = List.of();
    private String issuedToken;
    private String issuedFor;

    private String name;
    private String dataCentreCode;
    private ServerRole role = ServerRole.PRODUCTION;
    private Integer capacity = NewServer.DEFAULT_CAPACITY;

    private String opName;
    private String opForm;
    private String opCountry = "FR";
    private String opParent;
    private String opParentCountry;
    private java.math.BigDecimal opLargestShare = java.math.BigDecimal.ZERO;
    private java.math.BigDecimal opTotalShare = java.math.BigDecimal.ZERO;

    private Long ownOperatorId;
    private String ownOwner;
    private String ownCountry;
    private java.math.BigDecimal ownLargestShare = java.math.BigDecimal.ZERO;
    private java.math.BigDecimal ownTotalShare = java.math.BigDecimal.ZERO;
    private java.time.LocalDate ownEffectiveOn;
    private String ownReason;

    private String certDataCentre;
    private String certName;
    private String certIssuer;
    private java.time.LocalDate certExpiry;

    /** The view's reads ({@code f:viewAction}): the page of the address's {@code page} and {@code size}, the server of {@code ?server=}. */
    public void open() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        open(parameters.get("page"), parameters.get("size"));
        loadServer();
    }

    /** The page numbered {@code pageParameter} (1 when absent or not a number) of {@code sizeParameter} rows (25, 50 or 100). */
    void open(String pageParameter, String sizeParameter) {
        int asked = LinkPages.number(sizeParameter, PAGE_SIZE, Integer.MAX_VALUE);
        size = SIZES.contains(asked) ? asked : PAGE_SIZE;
        page = LinkPages.number(pageParameter, 1, MAX_PAGE);
        load();
    }

    /** The operators, the data centres and this page of the servers with the alerts: one call, one transaction. */
    void load() {
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

    /** What the view shows, read once if the view action has not (a view made without its address's GET). */
    private void opened() {
        if (rows == null) {
            load();
        }
    }

    /** The server of {@code ?server=}: its recent metrics, and for an administrator a new monitoring token. */
    public void loadServer() {
        if (metricsServerId == null) {
            return;
        }
        try {
            metricsServer = inventory.server(metricsServerId);
            metrics = monitoring.recent(metricsServerId, 60);
        } catch (RuntimeException e) {
            metricsServerId = null;
            Refusals.show(messages, e);
        }
    }

    public void addServer() {
        try {
            ServerView added = inventory.addServer(new NewServer(name, dataCentreCode, role, null, capacity));
            messages.info("inventory.server.added", added.name());
            name = null;
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void addOperator() {
        try {
            OperatorView added = inventory.addOperator(new NewOperator(opName, opForm, opCountry, opParent,
                    opParentCountry == null || opParentCountry.isBlank() ? null : opParentCountry, opLargestShare, opTotalShare));
            messages.info("inventory.operator.added", added.legalName());
            opName = opForm = opParent = opParentCountry = null;
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    /** Records an operator's change of control; the service tells the clients concerned (art. 28(2)). */
    public void changeOwnership() {
        try {
            OperatorView changed = inventory.changeOwnership(ownOperatorId == null ? -1 : ownOperatorId, new NewOwnership(ownOwner,
                    ownCountry == null || ownCountry.isBlank() ? null : ownCountry.strip().toUpperCase(java.util.Locale.ROOT),
                    ownLargestShare, ownTotalShare, ownEffectiveOn, ownReason));
            messages.info("ownership.recorded", changed.legalName());
            ownOwner = ownCountry = ownReason = null;
            ownEffectiveOn = null;
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void addCertification() {
        try {
            inventory.addCertification(certDataCentre, certName, certIssuer, certExpiry);
            messages.info("inventory.certification.added", certName);
            certName = certIssuer = null;
            certExpiry = null;
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    /** A new monitoring token for the server of {@code ?server=}, shown once. */
    public void issueToken() {
        if (metricsServer == null) {
            return;
        }
        try {
            issuedToken = inventory.issueMonitoringToken(metricsServer.id());
            issuedFor = metricsServer.name();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public boolean isAdmin() {
        return user.hasRole(Roles.ADMIN);
    }

    public ServerRole[] getRoles() {
        return ServerRole.values();
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

    public ServerView getMetricsServer() {
        return metricsServer;
    }

    public List<MetricView> getMetrics() {
        return metrics;
    }

    public String getIssuedToken() {
        return issuedToken;
    }

    public String getIssuedFor() {
        return issuedFor;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDataCentreCode() {
        return dataCentreCode;
    }

    public void setDataCentreCode(String dataCentreCode) {
        this.dataCentreCode = dataCentreCode;
    }

    public ServerRole getRole() {
        return role;
    }

    public void setRole(ServerRole role) {
        this.role = role;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getOpName() {
        return opName;
    }

    public void setOpName(String value) {
        this.opName = value;
    }

    public String getOpForm() {
        return opForm;
    }

    public void setOpForm(String value) {
        this.opForm = value;
    }

    public String getOpCountry() {
        return opCountry;
    }

    public void setOpCountry(String value) {
        this.opCountry = value;
    }

    public String getOpParent() {
        return opParent;
    }

    public void setOpParent(String value) {
        this.opParent = value;
    }

    public String getOpParentCountry() {
        return opParentCountry;
    }

    public void setOpParentCountry(String value) {
        this.opParentCountry = value;
    }

    public java.math.BigDecimal getOpLargestShare() {
        return opLargestShare;
    }

    public void setOpLargestShare(java.math.BigDecimal value) {
        this.opLargestShare = value;
    }

    public java.math.BigDecimal getOpTotalShare() {
        return opTotalShare;
    }

    public void setOpTotalShare(java.math.BigDecimal value) {
        this.opTotalShare = value;
    }

    public String getCertDataCentre() {
        return certDataCentre;
    }

    public void setCertDataCentre(String value) {
        this.certDataCentre = value;
    }

    public String getCertName() {
        return certName;
    }

    public void setCertName(String value) {
        this.certName = value;
    }

    public String getCertIssuer() {
        return certIssuer;
    }

    public void setCertIssuer(String value) {
        this.certIssuer = value;
    }

    public java.time.LocalDate getCertExpiry() {
        return certExpiry;
    }

    public void setCertExpiry(java.time.LocalDate value) {
        this.certExpiry = value;
    }

    public Long getOwnOperatorId() {
        return ownOperatorId;
    }

    public void setOwnOperatorId(Long value) {
        this.ownOperatorId = value;
    }

    public String getOwnOwner() {
        return ownOwner;
    }

    public void setOwnOwner(String value) {
        this.ownOwner = value;
    }

    public String getOwnCountry() {
        return ownCountry;
    }

    public void setOwnCountry(String value) {
        this.ownCountry = value;
    }

    public java.math.BigDecimal getOwnLargestShare() {
        return ownLargestShare;
    }

    public void setOwnLargestShare(java.math.BigDecimal value) {
        this.ownLargestShare = value;
    }

    public java.math.BigDecimal getOwnTotalShare() {
        return ownTotalShare;
    }

    public void setOwnTotalShare(java.math.BigDecimal value) {
        this.ownTotalShare = value;
    }

    public java.time.LocalDate getOwnEffectiveOn() {
        return ownEffectiveOn;
    }

    public void setOwnEffectiveOn(java.time.LocalDate value) {
        this.ownEffectiveOn = value;
    }

    public String getOwnReason() {
        return ownReason;
    }

    public void setOwnReason(String value) {
        this.ownReason = value;
    }
}
