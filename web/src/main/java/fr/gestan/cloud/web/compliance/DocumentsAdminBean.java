package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.AgreementStatusView;
import fr.gestan.cloud.compliance.api.DocumentNotFoundException;
import fr.gestan.cloud.compliance.api.ProcessingEntry;
import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import fr.gestan.cloud.compliance.api.ProcessingRecord;
import fr.gestan.cloud.compliance.api.ProcessorAgreements;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Back-office documents of one tenant: agreement status per contract, the record entries (edit), the PDFs. */
@Named
@ViewScoped
public class DocumentsAdminBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ProcessorAgreements agreements;
    @EJB
    ProcessingRecord record;
    @EJB
    HostingContracts contracts;
    @Inject
    Messages messages;

    private String siren;
    private List<AgreementStatusView> statuses;
    private List<ProcessingEntryView> entries;
    private List<ContractView> contractList;
    // the entry form
    private Long editing;
    private long editingVersion;
    private String processing;
    private String dataSubjects;
    private String dataCategories;
    private boolean coversEmployees;
    private boolean coversCustomers;
    private String transfers;
    private String security;

    public void load() {
        if (siren == null || !siren.matches("\\d{9}")) {
            statuses = List.of();
            entries = List.of();
            contractList = List.of();
            return;
        }
        statuses = agreements.of(siren);
        entries = record.of(siren);
        contractList = contracts.list(siren, 0, 100);
    }

    public void edit(ProcessingEntryView e) {
        editing = e.id();
        editingVersion = e.version();
        processing = e.entry().processing();
        dataSubjects = e.entry().dataSubjects();
        dataCategories = e.entry().dataCategories();
        coversEmployees = e.entry().coversEmployees();
        coversCustomers = e.entry().coversCustomers();
        transfers = e.entry().transfersOutsideEu();
        security = e.entry().securityMeasures();
    }

    public void save() {
        ProcessingEntry entry = new ProcessingEntry(processing, dataSubjects, dataCategories, coversEmployees, coversCustomers, transfers, security);
        try {
            if (editing == null) {
                record.add(siren, entry);
            } else {
                record.change(editing, editingVersion, entry);
            }
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "records.saved");
            clear();
        } catch (DocumentNotFoundException e) {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "documents.notFound");
        }
        load();
    }

    public void remove(ProcessingEntryView e) {
        try {
            record.remove(e.id());
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "records.removed");
        } catch (DocumentNotFoundException ex) {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "documents.notFound");
        }
        load();
    }

    public void clear() {
        editing = null;
        processing = dataSubjects = dataCategories = transfers = security = null;
        coversEmployees = coversCustomers = false;
    }

    public long productionServerOf(long contractId) {
        return contractList.stream().filter(c -> c.id() == contractId).findFirst().map(ContractView::productionServerId).orElse(0L);
    }

    public String getSiren() { return siren; }
    public void setSiren(String siren) { this.siren = siren == null ? null : siren.strip(); }
    public List<AgreementStatusView> getStatuses() { return statuses; }
    public List<ProcessingEntryView> getEntries() { return entries; }
    public Long getEditing() { return editing; }
    public String getProcessing() { return processing; }
    public void setProcessing(String v) { processing = v; }
    public String getDataSubjects() { return dataSubjects; }
    public void setDataSubjects(String v) { dataSubjects = v; }
    public String getDataCategories() { return dataCategories; }
    public void setDataCategories(String v) { dataCategories = v; }
    public boolean isCoversEmployees() { return coversEmployees; }
    public void setCoversEmployees(boolean v) { coversEmployees = v; }
    public boolean isCoversCustomers() { return coversCustomers; }
    public void setCoversCustomers(boolean v) { coversCustomers = v; }
    public String getTransfers() { return transfers; }
    public void setTransfers(String v) { transfers = v; }
    public String getSecurity() { return security; }
    public void setSecurity(String v) { security = v; }
}
