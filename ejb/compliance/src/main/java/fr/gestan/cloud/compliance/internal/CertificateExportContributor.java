package fr.gestan.cloud.compliance.internal;

import static fr.gestan.cloud.common.JsonText.quote;

import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.tenants.api.ExportCsv;
import fr.gestan.cloud.tenants.api.ExportFiles;
import fr.gestan.cloud.tenants.api.TenantExportContributor;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The compliance module's share of a tenant's data export, folder {@code certificates}: each certificate's signed PDF
 * exactly as issued (read one at a time), and {@code certificates.json} / {@code certificates.csv} listing number,
 * dates, status and SHA-256. A client gets its own company's only.
 */
@Stateless
@Local(TenantExportContributor.class)
@Interceptors(TenantConfinement.class)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN})
public class CertificateExportContributor implements TenantExportContributor {

    @PersistenceContext(unitName = "compliance")
    EntityManager em;

    @Override
    @PermitAll
    public String folder() {
        return "certificates";
    }

    @Override
    public void contribute(@TenantRef String tenantSiren, ExportFiles files) throws IOException {
        Instant now = Instant.now();
        List<String> numbers = em.createNamedQuery(CertificateRecord.NUMBERS_OF_TENANT, String.class)
                .setParameter("siren", tenantSiren).getResultList();
        StringBuilder json = new StringBuilder("[");
        StringBuilder csv = new StringBuilder("number;issued_at;valid_until;status;revoked_at;revocation_reason;superseded_by;sha256\r\n");
        for (String number : numbers) {
            CertificateRecord record = em.createNamedQuery(CertificateRecord.BY_NUMBER, CertificateRecord.class)
                    .setParameter("number", number).getSingleResult();
            var v = record.toFullView(now, 0);
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("\n  {\"number\":").append(quote(v.number())).append(",\"tenantSiren\":").append(quote(v.tenantSiren()))
                    .append(",\"issuedAt\":").append(quote(v.issuedAt())).append(",\"validUntil\":").append(quote(v.validUntil()))
                    .append(",\"status\":").append(quote(v.status())).append(",\"revokedAt\":").append(quote(v.revokedAt()))
                    .append(",\"revocationReason\":").append(quote(v.revocationReason())).append(",\"supersededBy\":")
                    .append(quote(v.supersededBy())).append(",\"sha256\":").append(quote(v.sha256())).append('}');
            csv.append(String.join(";", v.number(), v.issuedAt().toString(), v.validUntil().toString(), v.status().name(),
                    v.revokedAt() == null ? "" : v.revokedAt().toString(), ExportCsv.cell(v.revocationReason(), ';'),
                    v.supersededBy() == null ? "" : v.supersededBy(), v.sha256())).append("\r\n");
            CertificateDocument document = em.find(CertificateDocument.class, number);
            if (document != null) {
                byte[] pdf = document.pdf();
                em.detach(document);
                files.add(v.fileName(), out -> out.write(pdf));
            }
            em.detach(record);
        }
        json.append(numbers.isEmpty() ? "]\n" : "\n]\n");
        String jsonText = json.toString();
        String csvText = csv.toString();
        files.text("certificates.json", w -> w.write(jsonText));
        files.text("certificates.csv", w -> w.write(csvText));
    }
}
