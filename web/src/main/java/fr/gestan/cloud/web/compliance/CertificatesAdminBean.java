package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.web.layout.DatabasePages;
import fr.gestan.cloud.compliance.api.CertificateBatch;
import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateNotFoundException;
import fr.gestan.cloud.compliance.api.CertificateRefusedException;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.RuleFinding;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The back office's certificates ("Attestations"): the registry paged and filtered in the database, issue for a
 * tenant (with the blocking findings when refused), issue in bulk with progress, reissue, revoke with a reason,
 * download.
 */
@Named
@ViewScoped
public class CertificatesAdminBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Certificates certificates;
    @EJB
    CertificateBatch batch;
    @Inject
    Messages messages;
    @Inject
    CertificateBatchRuns batches;

    private String filterSiren;
    private CertificateStatus filterStatus;
    private String issueSiren;
    private String revokeNumber;
    private String revokeReason;
    private List<RuleFinding> blocking = new ArrayList<>();
    private CertificateView lastIssued;
    private String supersedeSiren;
    private String supersedeNumber;
    private CertificateRefusedException.Reason refusedReason;
    /** Method validation names the argument, not the field: the form's SIREN field. */
    private static final java.util.Map<String, String> SIREN_FIELD = java.util.Map.of("", "siren", "issue.tenantSiren", "siren",
            "issueSuperseding.tenantSiren", "siren", "tenantSiren", "siren");
    private CertificateBatchRunView storedBatch;
    private final LazyDataModel<CertificateView> model = new DatabasePages<>(
            () -> certificates.count(siren(), filterStatus),
            (first, size, sort) -> certificates.search(siren(), filterStatus, first, size), CertificateView::number, 500);

    public LazyDataModel<CertificateView> getModel() {
        return model;
    }

    public CertificateStatus[] getStatuses() {
        return CertificateStatus.values();
    }

    public void issue() {
        blocking = new ArrayList<>();
        lastIssued = null;
        supersedeNumber = null;
        String siren = issueSiren == null ? null : issueSiren.replace(" ", "").replace("\u202F", "").strip();
        try {
            lastIssued = certificates.issue(siren);
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "cert.issued", lastIssued.number());
        } catch (CertificateRefusedException e) {
            if (e.reason() == CertificateRefusedException.Reason.VALID_EXISTS) {
                // ask first: the new certificate would supersede the valid one
                supersedeSiren = siren;
                supersedeNumber = e.validNumber();
                messages.add(FacesMessage.SEVERITY_WARN, "cmsg", "cert.refused.VALID_EXISTS", e.validNumber());
            } else {
                refused(e);
            }
        } catch (TenantNotFoundException e) {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "cert.tenantUnknown");
        } catch (EJBException e) {
            // a malformed SIREN: the service's own check, shown next to the field
            messages.fieldMessages("issue", e, SIREN_FIELD);
        }
    }

    /** Staff confirmed: issue a new certificate that supersedes the valid one. */
    public void confirmSupersede() {
        blocking = new ArrayList<>();
        String replaced = supersedeNumber;
        try {
            lastIssued = certificates.issueSuperseding(supersedeSiren);
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "cert.superseded", lastIssued.number(), replaced);
        } catch (CertificateRefusedException e) {
            refused(e);
        } catch (TenantNotFoundException e) {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "cert.tenantUnknown");
        } finally {
            supersedeNumber = null;
            supersedeSiren = null;
        }
    }

    public void cancelSupersede() {
        supersedeNumber = null;
        supersedeSiren = null;
    }

    public String getSupersedeNumber() {
        return supersedeNumber;
    }

    public String getSupersedeSiren() {
        return supersedeSiren;
    }

    public CertificateRefusedException.Reason getRefusedReason() {
        return refusedReason;
    }

    /** The batch running on this server, or the last one (null if none since it started). */
    public CertificateBatchRuns.Run getBatch() {
        return batches.current();
    }

    /** The last batch as stored, for when this server has none in memory (another node's, or one cut short). */
    public CertificateBatchRunView getStoredBatch() {
        if (storedBatch == null) {
            storedBatch = batch.lastRun().orElse(null);
        }
        return storedBatch;
    }

    /** Issues for every tenant the stored report shows unblocked and without a valid certificate, in the background. */
    public void startBatch() {
        String caller = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (batches.start(caller) == null) {
            CertificateBatchRuns.Run running = batches.current();
            messages.add(FacesMessage.SEVERITY_WARN, "cmsg", "cert.batch.alreadyRunning", running.getStartedBy());
        }
    }

    public void reissue(String number) {
        blocking = new ArrayList<>();
        try {
            lastIssued = certificates.reissue(number);
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "cert.reissued", lastIssued.number(), number);
        } catch (CertificateRefusedException e) {
            refused(e);
        } catch (CertificateNotFoundException | TenantNotFoundException e) {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "cert.notFound");
        }
    }

    public void prepareRevoke(String number) {
        revokeNumber = number;
        revokeReason = null;
    }

    public void revoke() {
        try {
            certificates.revoke(revokeNumber, revokeReason);
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "cert.revoked", revokeNumber);
            revokeNumber = null;
            revokeReason = null;
        } catch (CertificateRefusedException e) {
            refused(e);
        } catch (CertificateNotFoundException e) {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "cert.notFound");
        }
    }

    private void refused(CertificateRefusedException e) {
        blocking = new ArrayList<>(e.findings());
        refusedReason = e.reason();
        messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "cert.refused." + e.reason());
        // One message per blocking finding: rule, localised finding, evidence.
        for (RuleFinding f : e.findings()) {
            messages.show(FacesMessage.SEVERITY_ERROR, f.ruleId() + " : " + Messages.label("cmsg", "finding.code." + f.code())
                    + (f.evidence() == null || f.evidence().isBlank() ? "" : " (" + f.evidence() + ")"));
        }
    }

    public String getFilterSiren() {
        return filterSiren;
    }

    public void setFilterSiren(String filterSiren) {
        this.filterSiren = filterSiren;
    }

    public CertificateStatus getFilterStatus() {
        return filterStatus;
    }

    public void setFilterStatus(CertificateStatus filterStatus) {
        this.filterStatus = filterStatus;
    }

    public String getIssueSiren() {
        return issueSiren;
    }

    public void setIssueSiren(String issueSiren) {
        this.issueSiren = issueSiren;
    }

    public String getRevokeNumber() {
        return revokeNumber;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public void setRevokeReason(String revokeReason) {
        this.revokeReason = revokeReason;
    }

    public List<RuleFinding> getBlocking() {
        return blocking;
    }

    public CertificateView getLastIssued() {
        return lastIssued;
    }

    private String siren() {
        String s = filterSiren == null ? null : filterSiren.replace(" ", "").strip();
        return s == null || !s.matches("\\d{9}") ? null : s;
    }

}
