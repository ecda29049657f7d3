package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.compliance.api.CertificateView;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One client on one page for staff (/admin/clients/summary.xhtml?siren=...): the company, its contracts and the servers
 * they run on, its certificates, its compliance status, its open change requests and its latest journal entries. Each
 * section is one call to the owning module's API (a few queries, none per row); a section the caller's role may not
 * read is left out.
 */
@Named
@RequestScoped
public class ClientSummaryBean {

    static final int ROWS = 10;

    @EJB
    TenantService tenants;
    @EJB
    HostingContracts contracts;
    @EJB
    HostingInventory inventory;
    @EJB
    Certificates certificates;
    @EJB
    ComplianceEvaluation compliance;
    @EJB
    JournalQuery journal;

    private String siren;
    private TenantRecord company;
    private List<ContractView> contractList = List.of();
    private long contractCount;
    private List<ServerView> servers = List.of();
    private List<CertificateView> certificateList = List.of();
    private long certificateCount;
    private ComplianceReport report;
    private List<ChangeRequestView> openRequests = List.of();
    private List<JournalEntryView> recentJournal = List.of();
    private boolean journalVisible;

    /** f:viewAction: reads every section once the SIREN is set. */
    public void load() {
        if (siren == null || !siren.matches("\\d{9}")) {
            return;
        }
        company = tenants.findBySiren(siren).orElse(null);
        if (company == null) {
            return;
        }
        contractCount = contracts.count(siren);
        contractList = contracts.list(siren, 0, ROWS);
        Set<Long> ids = new HashSet<>();
        for (ContractView c : contractList) {
            ids.add(c.productionServerId());
            ids.add(c.backupServerId());
        }
        servers = ids.isEmpty() ? List.of() : inventory.servers().stream().filter(s -> ids.contains(s.id())).toList();
        certificateCount = certificates.count(siren, null);
        certificateList = certificateCount == 0 ? List.of() : certificates.search(siren, null, 0, ROWS);
        try {
            report = compliance.evaluate(siren);
        } catch (Exception e) {
            report = null; // shown as "not evaluated"
        }
        openRequests = tenants.changeRequestsOf(siren, 50).stream().filter(ChangeRequestView::open).toList();
        try {
            recentJournal = journal.ofTenant(siren, 0, ROWS);
            journalVisible = true;
        } catch (EJBAccessException e) {
            journalVisible = false;
        }
    }

    public String getSiren() {
        return siren;
    }

    public void setSiren(String siren) {
        this.siren = siren == null ? null : siren.strip();
    }

    public TenantRecord getCompany() {
        return company;
    }

    public List<ContractView> getContracts() {
        return contractList;
    }

    public long getContractCount() {
        return contractCount;
    }

    public List<ServerView> getServers() {
        return servers;
    }

    public List<CertificateView> getCertificates() {
        return certificateList;
    }

    public long getCertificateCount() {
        return certificateCount;
    }

    public ComplianceReport getReport() {
        return report;
    }

    public List<ChangeRequestView> getOpenRequests() {
        return openRequests;
    }

    public List<JournalEntryView> getRecentJournal() {
        return recentJournal;
    }

    public boolean isJournalVisible() {
        return journalVisible;
    }
}
