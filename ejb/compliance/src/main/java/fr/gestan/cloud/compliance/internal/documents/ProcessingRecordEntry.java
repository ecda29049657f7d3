package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.compliance.api.ProcessingEntry;
import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** One processing activity carried out for a tenant, in the processor's record (GDPR art. 30(2)). */
@Entity
@Table(name = "processing_record_entry")
@NamedQuery(name = ProcessingRecordEntry.OF_TENANT, query = "select e from ProcessingRecordEntry e where e.tenantSiren = :siren order by e.id")
@NamedQuery(name = ProcessingRecordEntry.ALL, query = "select e from ProcessingRecordEntry e order by e.tenantSiren, e.id")
@NamedQuery(name = ProcessingRecordEntry.COVERAGE, query = "select e.tenantSiren, max(case when e.coversEmployees = true then 1 else 0 end), "
        + "max(case when e.coversCustomers = true then 1 else 0 end) from ProcessingRecordEntry e where e.tenantSiren in :sirens group by e.tenantSiren")
// One tenant's coverage, the same row: a list parameter (in :sirens) makes Hibernate translate the query to SQL again at
// every call (its SQL depends on the list's size), which a single evaluation (the client dashboard's compliance tile)
// paid at each view (docs/performance.md, client19)
@NamedQuery(name = ProcessingRecordEntry.COVERAGE_OF_TENANT, query = "select e.tenantSiren, max(case when e.coversEmployees = true then 1 else 0 end), "
        + "max(case when e.coversCustomers = true then 1 else 0 end) from ProcessingRecordEntry e where e.tenantSiren = :siren group by e.tenantSiren")
public class ProcessingRecordEntry extends GeneratedId {

    public static final String OF_TENANT = "ProcessingRecordEntry.ofTenant";
    public static final String ALL = "ProcessingRecordEntry.all";
    public static final String COVERAGE = "ProcessingRecordEntry.coverage";
    /** {@link #COVERAGE} of one tenant (a single parameter: its SQL translation is kept). */
    public static final String COVERAGE_OF_TENANT = "ProcessingRecordEntry.coverageOfTenant";

    @Version
    private long version;

    @Column(updatable = false)
    private String tenantSiren;

    private String processing;

    private String dataSubjects;

    private String dataCategories;

    private boolean coversEmployees;

    private boolean coversCustomers;

    private String transfersOutsideEu;

    private String securityMeasures;

    private String updatedBy;

    private Instant updatedAt;

    protected ProcessingRecordEntry() {
        // for JPA
    }

    ProcessingRecordEntry(String tenantSiren, ProcessingEntry entry, String by, Instant at) {
        this.tenantSiren = Objects.requireNonNull(tenantSiren);
        change(entry, by, at);
    }

    void change(ProcessingEntry e, String by, Instant at) {
        this.processing = required(e.processing());
        this.dataSubjects = required(e.dataSubjects());
        this.dataCategories = required(e.dataCategories());
        this.coversEmployees = e.coversEmployees();
        this.coversCustomers = e.coversCustomers();
        this.transfersOutsideEu = e.transfersOutsideEu() == null || e.transfersOutsideEu().isBlank()
                ? ProcessingEntry.NO_TRANSFER : e.transfersOutsideEu().strip();
        this.securityMeasures = required(e.securityMeasures());
        this.updatedBy = Objects.requireNonNull(by);
        this.updatedAt = Objects.requireNonNull(at);
    }

    private static String required(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("a record entry's texts are required");
        }
        return s.strip();
    }

    public String tenantSiren() {
        return tenantSiren;
    }

    public ProcessingEntryView toView() {
        return new ProcessingEntryView(id(), version, tenantSiren, new ProcessingEntry(processing, dataSubjects, dataCategories,
                coversEmployees, coversCustomers, transfersOutsideEu, securityMeasures), updatedBy, updatedAt);
    }
}
