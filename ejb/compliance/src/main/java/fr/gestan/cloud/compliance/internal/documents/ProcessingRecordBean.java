package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.compliance.internal.ComplianceServiceBase;
import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.DocumentNotFoundException;
import fr.gestan.cloud.compliance.api.ProcessingEntry;
import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import fr.gestan.cloud.compliance.api.ProcessingRecord;
import fr.gestan.cloud.hosting.api.SubProcessors;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class ProcessingRecordBean extends ComplianceServiceBase implements ProcessingRecord {

    // inEffect is @PermitAll
    @EJB
    SubProcessors subProcessors;
    // current() is @PermitAll
    @EJB
    SecurityPolicies policies;
    // running() is @PermitAll: the transport configuration read at start, which the encryption measure states
    @EJB
    fr.gestan.cloud.security.api.TransportSecurity transport;

    @Override
    public List<ProcessingEntryView> of(String siren) {
        return em.createNamedQuery(ProcessingRecordEntry.OF_TENANT, ProcessingRecordEntry.class).setParameter("siren", siren)
                .getResultList().stream().map(ProcessingRecordEntry::toView).toList();
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<ProcessingEntryView> mine() {
        return tenancy.tenantOfCaller().map(this::of).orElse(List.of());
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public ProcessingEntryView add(String siren, ProcessingEntry entry) {
        ProcessingRecordEntry e = new ProcessingRecordEntry(siren, entry, actor(), clock.instant());
        em.persist(e);
        em.flush();
        journal.record(JournalEvent.success("PROCESSING_RECORD_ADDED", siren, entry.processing()));
        return e.toView();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public ProcessingEntryView change(long id, long expectedVersion, ProcessingEntry entry) throws DocumentNotFoundException {
        ProcessingRecordEntry e = find(id);
        if (e.toView().version() != expectedVersion) {
            throw new OptimisticLockException("The entry was changed by someone else");
        }
        e.change(entry, actor(), clock.instant());
        em.flush();
        journal.record(JournalEvent.success("PROCESSING_RECORD_CHANGED", e.tenantSiren(), entry.processing()));
        return e.toView();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public void remove(long id) throws DocumentNotFoundException {
        ProcessingRecordEntry e = find(id);
        em.remove(e);
        journal.record(JournalEvent.success("PROCESSING_RECORD_REMOVED", e.tenantSiren(), e.toView().entry().processing()));
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public byte[] pdf() {
        List<ProcessingEntryView> entries;
        String scope;
        if (caller.isCallerInRole(Roles.CLIENT)) {
            scope = tenancy.tenantOfCaller().orElse(null);
            entries = scope == null ? List.of() : of(scope);
        } else {
            scope = null;
            entries = em.createNamedQuery(ProcessingRecordEntry.ALL, ProcessingRecordEntry.class).getResultList().stream()
                    .map(ProcessingRecordEntry::toView).toList();
        }
        Instant now = clock.instant();
        DocumentText text = RecordTexts.of(entries, scope, subProcessors.inEffect(LocalDate.ofInstant(now, Paris.ZONE)),
                policies.current().settings(), transport.running());
        String stamp = Shown.dateTime(now);
        byte[] pdf = DocumentPdf.render(text, List.of("Édité le / Issued on " + stamp, "Version (SHA-256) : " + text.sha256()),
                List.of(), Vendor.PRODUCT + " · " + (scope == null ? "registre / record" : "extrait / extract " + scope));
        journal.record(JournalEvent.success("PROCESSING_RECORD_PDF", scope, entries.size() + " entries"));
        return pdf;
    }

    private ProcessingRecordEntry find(long id) throws DocumentNotFoundException {
        ProcessingRecordEntry e = em.find(ProcessingRecordEntry.class, id);
        if (e == null) {
            throw new DocumentNotFoundException("No record entry " + id);
        }
        return e;
    }
}
