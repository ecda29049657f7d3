package fr.gestan.cloud.compliance.internal.documents;

import static fr.gestan.cloud.common.JsonText.quote;

import fr.gestan.cloud.common.Paris;
import jakarta.ejb.SessionContext;
import jakarta.annotation.Resource;
import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.compliance.internal.ComplianceFactsReader;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import java.time.LocalDate;
import fr.gestan.cloud.compliance.api.ProcessingEntryView;
import fr.gestan.cloud.compliance.api.ProcessingRecord;
import fr.gestan.cloud.tenants.api.ExportCsv;
import fr.gestan.cloud.tenants.api.ExportFiles;
import fr.gestan.cloud.tenants.api.TenantExportContributor;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;

/**
 * The compliance documents' share of a tenant's export (folder {@code documents}): each contract's current processor
 * agreement (PDF), every acceptance with the PDF exactly as accepted, and the tenant's record-of-processing entries,
 * as JSON and CSV. A client exports its own tenant only; staff any.
 */
@Stateless
@Interceptors(TenantConfinement.class)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN})
public class DocumentsExportContributor implements TenantExportContributor {

    @PersistenceContext(unitName = "compliance")
    EntityManager em;
    @Resource
    SessionContext caller;
    @EJB
    ComplianceFactsReader reader;
    @EJB
    ProcessingRecord record;

    @Override
    @PermitAll
    public String folder() {
        return "documents";
    }

    @Override
    public void contribute(@TenantRef String tenantSiren, ExportFiles files) throws IOException {
        try {
            ComplianceFactsReader.TenantDocuments docs = reader.documents(tenantSiren,
                    reader.shared(LocalDate.now(Paris.ZONE)));
            for (AgreementTexts.Inputs i : docs.agreements()) {
                byte[] pdf = ProcessorAgreementsBean.render(new ProcessorAgreementsBean.Current(i.contract(), AgreementTexts.of(i)), List.of());
                files.add("agreements/contract-" + i.contract().id() + "-current.pdf", out -> out.write(pdf));
            }
        } catch (TenantNotFoundException e) {
            // purged: only what this module still keeps is exported
        }
        List<AgreementAcceptance> accepted = em.createNamedQuery(AgreementAcceptance.OF_TENANT, AgreementAcceptance.class)
                .setParameter("siren", tenantSiren).getResultList();
        for (AgreementAcceptance a : accepted) {
            files.add("agreements/contract-" + a.contractId() + "-accepted-" + a.id() + ".pdf", out -> out.write(a.pdf()));
        }
        files.text("agreement-acceptances.json", w -> {
            w.write("[");
            for (int i = 0; i < accepted.size(); i++) {
                AgreementAcceptance a = accepted.get(i);
                w.write((i == 0 ? "\n" : ",\n") + "  {\"id\": " + a.id() + ", \"contractId\": " + a.contractId()
                        + ", \"contentSha256\": " + quote(a.contentSha256()) + ", \"pdfSha256\": " + quote(a.pdfSha256())
                        + ", \"acceptedBy\": " + quote(a.acceptedBy()) + ", \"acceptedAt\": " + quote(a.acceptedAt().toString()) + "}");
            }
            w.write("\n]\n");
        });
        files.text("agreement-acceptances.csv", w -> {
            w.write("id;contract_id;content_sha256;pdf_sha256;accepted_by;accepted_at\n");
            for (AgreementAcceptance a : accepted) {
                w.write(a.id() + ";" + a.contractId() + ";" + a.contentSha256() + ";" + a.pdfSha256() + ";" + csv(a.acceptedBy())
                        + ";" + a.acceptedAt() + "\n");
            }
        });
        // The guard has confined a client to its own company; the record's API reads it through mine().
        List<ProcessingEntryView> entries = caller.isCallerInRole(Roles.CLIENT) ? record.mine() : record.of(tenantSiren);
        files.text("processing-record.json", w -> {
            w.write("[");
            for (int i = 0; i < entries.size(); i++) {
                ProcessingEntryView e = entries.get(i);
                var x = e.entry();
                w.write((i == 0 ? "\n" : ",\n") + "  {\"id\": " + e.id() + ", \"processing\": " + quote(x.processing())
                        + ", \"dataSubjects\": " + quote(x.dataSubjects()) + ", \"dataCategories\": " + quote(x.dataCategories())
                        + ", \"coversEmployees\": " + x.coversEmployees() + ", \"coversCustomers\": " + x.coversCustomers()
                        + ", \"transfersOutsideEu\": " + quote(x.transfersOutsideEu()) + ", \"securityMeasures\": " + quote(x.securityMeasures())
                        + ", \"updatedBy\": " + quote(e.updatedBy()) + ", \"updatedAt\": " + quote(e.updatedAt().toString()) + "}");
            }
            w.write("\n]\n");
        });
        files.text("processing-record.csv", w -> {
            w.write("id;processing;data_subjects;data_categories;covers_employees;covers_customers;transfers_outside_eu;security_measures;updated_by;updated_at\n");
            for (ProcessingEntryView e : entries) {
                var x = e.entry();
                w.write(e.id() + ";" + csv(x.processing()) + ";" + csv(x.dataSubjects()) + ";" + csv(x.dataCategories()) + ";"
                        + x.coversEmployees() + ";" + x.coversCustomers() + ";" + csv(x.transfersOutsideEu()) + ";"
                        + csv(x.securityMeasures()) + ";" + csv(e.updatedBy()) + ";" + e.updatedAt() + "\n");
            }
        });
    }

    /** A {@code ;}-separated cell (see {@link ExportCsv}). */
    private static String csv(String value) {
        return ExportCsv.cell(value, ';');
    }
}
