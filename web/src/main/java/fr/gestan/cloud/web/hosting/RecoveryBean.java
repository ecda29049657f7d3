package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.DrillView;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.hosting.api.NewDrill;
import fr.gestan.cloud.hosting.api.RecoveryPage;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.web.tenants.TenantNames;
import fr.gestan.cloud.web.i18n.Labels;
import fr.gestan.cloud.web.layout.LinkPages;
import jakarta.faces.context.FacesContext;

/** A production server's recovery timeline (Gantt-like chart), the step durations and the recorded drills. */
@Named
@ViewScoped
public class RecoveryBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The restore order's rows a page. */
    static final int PAGE_SIZE = 25;

    @EJB
    RecoveryPlans plans;
    /** The page and its tenants' names in one transaction. */
    @EJB
    RecoveryReads reads;
    @Inject
    @Bundle("hmsg")
    Messages messages;
    @Inject
    CurrentUser user;
    /** The company names of the plan's tenants (one query, read with the page). */
    @Inject
    TenantNames names;
    @Inject
    Labels label;

    private Long server;
    /** The form this view shows ({@code ?form=}: settings for an administrator, drill), none by default. */
    private String form;
    private List<RecoveryPage.Server> servers;
    private RecoveryPlanView plan;
    private List<DrillView> drills = List.of();
    /** The order table's rows, made once per plan read (not kept with the view's state: made again when missing). */
    private transient List<OrderRow> order;
    /** The order table's page shown ({@code ?page=}, from 1). */
    private int page = 1;

    /**
     * A tenant of the plan as the order table shows it: every cell's text made once per plan read, so that a row
     * evaluates one property per cell (no bean, label or format to resolve per cell: docs/performance.md 4.32).
     */
    public record OrderRow(int position, String siren, String name, String levelLabel, int volume, String backAt, String sourceLabel) {
    }

    private int newServerMinutes;
    private int remountMinutes;
    private int perTenantMinutes;
    private int throughputGbPerHour;

    private LocalDate drilledOn = LocalDate.now();
    private Integer drillNewServer;
    private Integer drillRemount;
    private Integer drillPerTenant;
    private Integer drillThroughput;
    private String drillNotes;

    /** The view's reads ({@code f:viewAction}, once the view parameters are set): the plan, and the order's page of {@code ?page=}. */
    public void open() {
        page = LinkPages.number(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page"), 1, Integer.MAX_VALUE);
        load();
    }

    /**
     * The page and its tenants' names: the page (four statements, ten as separate calls:
     * docs/performance.md 4.17) and the names of the plan's tenants, in one call and one transaction
     * ({@link RecoveryReads}; two before: docs/performance.md, "staff pages (pages9s)").
     */
    public void load() {
        RecoveryPage opened;
        try {
            RecoveryReads.Read read = reads.read(server);
            opened = read.page();
            names.use(read.names());
        } catch (RuntimeException e) {
            Refusals.show(messages, e); // an unknown server, or not a production server: the servers without a plan
            opened = plans.page(null);
            opened = new RecoveryPage(opened.servers(), opened.settings(), null, List.of());
        }
        servers = opened.servers();
        RecoverySettings settings = opened.settings();
        newServerMinutes = settings.newServerMinutes();
        remountMinutes = settings.remountMinutes();
        perTenantMinutes = settings.perTenantMinutes();
        throughputGbPerHour = settings.throughputGbPerHour();
        plan = opened.plan();
        drills = opened.drills();
        order = null;
        if (plan != null) {
            server = plan.serverId();
        }
    }

    public void saveSettings() {
        try {
            plans.updateSettings(new RecoverySettings(newServerMinutes, remountMinutes, perTenantMinutes, throughputGbPerHour));
            messages.info("recovery.settings.saved");
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void recordDrill() {
        try {
            plans.recordDrill(new NewDrill(server, drilledOn, drillNewServer, drillRemount, drillPerTenant, drillThroughput, drillNotes));
            messages.info("recovery.drill.saved");
            drillNewServer = drillRemount = drillPerTenant = drillThroughput = null;
            drillNotes = null;
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    /** The company name of a tenant of the plan, or null when unknown. */
    public String name(String siren) {
        return names.of(siren);
    }

    /** The Gantt's rows (steps, then tenants) as markup, written in one pass at each render ({@link RecoveryGantt}). */
    public String getGantt() {
        if (plan == null) {
            return "";
        }
        return RecoveryGantt.rows(plan, kind -> Messages.label("hmsg", "step." + kind), names::of,
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
    }

    /** The order table's rows (position, client, level, volume, back at, source). */
    public List<OrderRow> getOrder() {
        if (order == null && plan != null) {
            String fromDrill = Messages.label("hmsg", "recovery.fromDrill");
            String fromSetting = Messages.label("hmsg", "recovery.fromSetting");
            order = plan.tenants().stream().map(t -> new OrderRow(t.position(), t.tenantSiren(), names.of(t.tenantSiren()),
                    label.code("ServiceLevel", t.serviceLevel()), t.dataVolumeGb(), Durations.hm(t.endMinute()),
                    t.source().drill() ? fromDrill : fromSetting)).toList();
        }
        return order == null ? List.of() : order;
    }

    /** The order table's column names (bundle {@code hmsg}), in order. */
    static final List<String> ORDER_COLUMNS = List.of("recovery.position", "contract.tenant", "contract.level", "contract.volume",
            "recovery.backAt", "recovery.source");

    /** The servers' links as markup, written in one pass ({@link RecoveryRows}). */
    public String getServerLinks() {
        return servers == null ? "" : RecoveryRows.serverLinks(servers, server);
    }

    /** This page of the order table as rows of markup, written in one pass ({@link RecoveryRows}). */
    public String getOrderRows() {
        return RecoveryRows.orderRows(getOrderPage(), ORDER_COLUMNS.stream().map(key -> Messages.label("hmsg", key)).toList(),
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(), Messages.label("hmsg", "recovery.order.none"));
    }

    /** This page of the order table ({@value #PAGE_SIZE} rows; past the end, the last page). */
    public List<OrderRow> getOrderPage() {
        return LinkPages.slice(getOrder(), getPage(), PAGE_SIZE);
    }

    /** The order table's page shown, from 1: the address's, or the last page when the address's is past it. */
    public int getPage() {
        return Math.min(page, getPageCount());
    }

    public int getPageCount() {
        return LinkPages.count(plan == null ? 0 : plan.tenants().size(), PAGE_SIZE);
    }

    /** "(2 sur 4)", as PrimeFaces' paginators said it. */
    public String getPageReport() {
        return LinkPages.report(getPage(), getPageCount());
    }

    public ServiceLevel[] getLevels() {
        return ServiceLevel.values();
    }

    public String hm(int minutes) {
        return Durations.hm(minutes);
    }

    public String pct(int minutes) {
        return plan == null ? "0" : Durations.percent(minutes, plan.totalMinutes());
    }

    public boolean isAdmin() {
        return user.hasRole(Roles.ADMIN);
    }

    public boolean isCanDrill() {
        return user.hasRole(Roles.ADMIN) || user.hasRole(Roles.SUPPORT);
    }

    public Long getServer() {
        return server;
    }

    public void setServer(Long server) {
        this.server = server;
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form;
    }

    public List<RecoveryPage.Server> getServers() {
        return servers;
    }

    public RecoveryPlanView getPlan() {
        return plan;
    }

    public List<DrillView> getDrills() {
        return drills;
    }

    public int getNewServerMinutes() {
        return newServerMinutes;
    }

    public void setNewServerMinutes(int v) {
        this.newServerMinutes = v;
    }

    public int getRemountMinutes() {
        return remountMinutes;
    }

    public void setRemountMinutes(int v) {
        this.remountMinutes = v;
    }

    public int getPerTenantMinutes() {
        return perTenantMinutes;
    }

    public void setPerTenantMinutes(int v) {
        this.perTenantMinutes = v;
    }

    public int getThroughputGbPerHour() {
        return throughputGbPerHour;
    }

    public void setThroughputGbPerHour(int v) {
        this.throughputGbPerHour = v;
    }

    public LocalDate getDrilledOn() {
        return drilledOn;
    }

    public void setDrilledOn(LocalDate drilledOn) {
        this.drilledOn = drilledOn;
    }

    public Integer getDrillNewServer() {
        return drillNewServer;
    }

    public void setDrillNewServer(Integer v) {
        this.drillNewServer = v;
    }

    public Integer getDrillRemount() {
        return drillRemount;
    }

    public void setDrillRemount(Integer v) {
        this.drillRemount = v;
    }

    public Integer getDrillPerTenant() {
        return drillPerTenant;
    }

    public void setDrillPerTenant(Integer v) {
        this.drillPerTenant = v;
    }

    public Integer getDrillThroughput() {
        return drillThroughput;
    }

    public void setDrillThroughput(Integer v) {
        this.drillThroughput = v;
    }

    public String getDrillNotes() {
        return drillNotes;
    }

    public void setDrillNotes(String drillNotes) {
        this.drillNotes = drillNotes;
    }
}
