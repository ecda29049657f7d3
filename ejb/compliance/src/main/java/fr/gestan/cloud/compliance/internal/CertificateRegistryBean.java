package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.CertificateCheck;
import fr.gestan.cloud.compliance.api.CertificateRegistry;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import fr.gestan.cloud.security.api.IssuingEntryProof;
import fr.gestan.cloud.security.api.JournalProofs;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class CertificateRegistryBean extends ComplianceServiceBase implements CertificateRegistry {

    @EJB
    JournalProofs proofs;

    @Override
    @PermitAll
    public Optional<CertificateStatusView> verify(String number) {
        Instant now = clock.instant();
        return byNumber(number).map(c -> c.toView(now)).map(CertificateRegistryBean::withoutCompany);
    }

    @Override
    @PermitAll
    public Optional<IssuingEntryProof> issuing(String number) {
        return byNumber(number).flatMap(c -> proofs.certificateIssue(c.number()));
    }

    @Override
    @PermitAll
    public Optional<CertificateCheck> check(String number) {
        Instant now = clock.instant();
        return byNumber(number).map(c -> new CertificateCheck(withoutCompany(c.toView(now)),
                proofs.certificateIssue(c.number()).orElse(null)));
    }

    private Optional<CertificateRecord> byNumber(String number) {
        return em.createNamedQuery(CertificateRecord.BY_NUMBER, CertificateRecord.class)
                .setParameter("number", number.strip().toUpperCase(Locale.ROOT)).getResultList().stream().findFirst();
    }

    /**
     * Numbers are sequential: anyone could walk them and collect every client's name and SIREN. Looked up by number,
     * a certificate shows its status and dates only; its company is shown to whoever holds the file
     * ({@code Certificates.verifyFile}), which states it anyway.
     */
    static CertificateStatusView withoutCompany(CertificateStatusView v) {
        return new CertificateStatusView(v.number(), null, null, v.sha256(), v.status(), v.issuedAt(), v.validUntil(),
                v.revokedAt(), v.supersededBy());
    }

    @Override
    public CertificateStatusView record(String tenantSiren, String sha256) {
        Instant now = clock.instant();
        String number = CertificateNumbers.next(em, now);
        CertificateRecord record = new CertificateRecord(number, tenantSiren, sha256, now);
        em.persist(record);
        journal.record(JournalEvent.success("CERTIFICATE_RECORDED", tenantSiren, number));
        return record.toView(now);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<CertificateStatusView> latest(int max) {
        Instant now = clock.instant();
        return em.createNamedQuery(CertificateRecord.NEWEST_FIRST, CertificateRecord.class).setMaxResults(max)
                .getResultList().stream().map(c -> c.toView(now)).toList();
    }
}
