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
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The compliance module's share of a tenant's data export, folder {@code certificates}: each certificate's signed PDF
 * exactly as issued, and {@code certificates.json} / {@code certificates.csv} listing number, dates, status and
 * SHA-256. The records and their PDFs are read {@value #PAGE} per statement (keyset pages by id), each PDF streamed
 * into the ZIP and dropped: memory and statements stay bounded whatever the number of certificates. A client gets its
 * own company's only.
 */
@Stateless
@Interceptors(TenantConfinement.class)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN})
public class CertificateExportContributor implements TenantExportContributor {

    /** Certificates per statement (keyset pages by id); the driver fetches their rows {@link #FETCH_SIZE} at a time. */
    static final int PAGE = 100;
    private static final int FETCH_SIZE = 10;
    /** Hibernate's query hint for the JDBC fetch size (by name: the module compiles against the Jakarta API only). */
    private static final String FETCH_SIZE_HINT = "org.hibernate.fetchSize";

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
        StringBuilder json = new StringBuilder("[");
        StringBuilder csv = new StringBuilder("number;issued_at;valid_until;status;revoked_at;revocation_reason;superseded_by;sha256\r\n");
        long after = 0;
        int read;
        do {
            read = 0;
            // A page of records with their PDFs in one statement, streamed (closed here: ResultStreamsTest): the driver
            // hands the rows over a few at a time, each PDF goes into the ZIP and is dropped.
            try (Stream<Object[]> rows = em.createNamedQuery(CertificateRecord.EXPORT_PAGE, Object[].class)
                    .setParameter("siren", tenantSiren).setParameter("after", after).setMaxResults(PAGE)
                    .setHint(FETCH_SIZE_HINT, FETCH_SIZE).getResultStream()) {
                for (Object[] row : (Iterable<Object[]>) rows::iterator) {
                    CertificateRecord record = (CertificateRecord) row[0];
                    byte[] pdf = (byte[]) row[1];
                    after = record.id();
                    read++;
                    var v = record.toFullView(now, 0);
                    em.detach(record);
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
                    if (pdf != null) {
                        files.add(v.fileName(), out -> out.write(pdf));
                    }
                }
            }
        } while (read == PAGE);
        json.append(json.length() == 1 ? "]\n" : "\n]\n");
        String jsonText = json.toString();
        String csvText = csv.toString();
        files.text("certificates.json", w -> w.write(jsonText));
        files.text("certificates.csv", w -> w.write(csvText));
    }
}
