package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.MetricView;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.NewOperator;
import fr.gestan.cloud.hosting.api.NewOwnership;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The hosting inventory's administrator forms ({@code ?form=}: a server, an operator, a change of control, a
 * certification) and one server's metrics with its monitoring token ({@code ?server=}). View-scoped for their
 * postbacks, and only made on the views that build a form: the inventory's plain view (what {@link InventoryBean}
 * reads, request-scoped) made and kept a view-scoped bean at each view for nothing (docs/performance.md, "staff pages'
 * render cost (staff21)"). After a write the tables are read again ({@link InventoryBean#load}).
 */
@Named
@ViewScoped
public class InventoryFormsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HostingInventory inventory;
    @EJB
    Monitoring monitoring;
    @Inject
    @Bundle("hmsg")
    Messages messages;
    @Inject
    InventoryBean page;

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

    /** The server of {@code ?server=} ({@code f:viewAction}, only then): its recent metrics, and for an administrator a new monitoring token. */
    public void loadServer() {
        Long id = page.getMetricsServerId();
        if (id == null) {
            return;
        }
        try {
            metricsServer = inventory.server(id);
            metrics = monitoring.recent(id, 60);
        } catch (RuntimeException e) {
            page.setMetricsServerId(null);
            Refusals.show(messages, e);
        }
    }

    public void addServer() {
        try {
            ServerView added = inventory.addServer(new NewServer(name, dataCentreCode, role, null, capacity));
            messages.info("inventory.server.added", added.name());
            name = null;
            page.load();
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
            page.load();
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
            page.load();
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
            page.load();
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

    public ServerRole[] getRoles() {
        return ServerRole.values();
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
