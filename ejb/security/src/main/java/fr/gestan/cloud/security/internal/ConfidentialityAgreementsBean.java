package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.AgreementRefusedException;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.security.api.StaffException.Reason;
import fr.gestan.cloud.security.api.StaffMemberView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class ConfidentialityAgreementsBean extends SecurityServiceBase implements ConfidentialityAgreements {

    LocalDate today() {
        return LocalDate.now(clock.withZone(Paris.ZONE));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public StaffMemberView registerStaff(NewStaffMember member) throws StaffException {
        String username = member.username().strip();
        if (find(username).isPresent()) {
            throw new StaffException(Reason.DUPLICATE, username);
        }
        StaffMember staff = new StaffMember(username, member.displayName(), member.role(), clock.instant(),
                actor());
        em.persist(staff);
        journal.record(JournalEvent.success("STAFF_REGISTERED", null, username + " (" + member.role() + ")"));
        return staff.toView(null);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public AgreementView recordAgreement(String username, LocalDate signedOn, LocalDate expiresOn, String fileName,
                                         byte[] document) throws StaffException, AgreementRefusedException {
        StaffMember staff = find(username.strip()).orElseThrow(() -> new StaffException(Reason.UNKNOWN, username));
        ConfidentialityAgreement agreement = new ConfidentialityAgreement(staff.username(), signedOn, expiresOn, fileName,
                document, clock.instant(), actor());
        em.persist(agreement);
        em.flush();
        em.persist(new AgreementDocument(agreement.id(), document));
        journal.record(JournalEvent.success("AGREEMENT_RECORDED", null, staff.username() + " until " + expiresOn));
        return agreement.toView(today());
    }

    @Override
    public List<StaffMemberView> staff(int first, int max) {
        List<StaffMember> page = em.createNamedQuery(StaffMember.ALL, StaffMember.class).setFirstResult(first)
                .setMaxResults(max).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        // One query for the agreements of the whole page, the latest to expire first per member.
        Map<String, AgreementView> latest = new LinkedHashMap<>();
        LocalDate today = today();
        em.createNamedQuery(ConfidentialityAgreement.LATEST_PER_STAFF, ConfidentialityAgreement.class)
                .setParameter("usernames", page.stream().map(StaffMember::username).toList())
                .getResultList().forEach(a -> latest.putIfAbsent(a.username(), a.toView(today)));
        return page.stream().map(s -> s.toView(latest.get(s.username()))).toList();
    }

    @Override
    public long staffCount() {
        return em.createNamedQuery(StaffMember.COUNT, Long.class).getSingleResult();
    }

    @Override
    public List<AgreementView> agreementsOf(String username) {
        LocalDate today = today();
        return em.createNamedQuery(ConfidentialityAgreement.OF_STAFF, ConfidentialityAgreement.class)
                .setParameter("username", username.strip()).getResultList().stream().map(a -> a.toView(today)).toList();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.SUPPORT})
    public List<AgreementView> expiringSoon() {
        LocalDate today = today();
        return em.createNamedQuery(ConfidentialityAgreement.EXPIRING_BEFORE, ConfidentialityAgreement.class)
                .setParameter("limit", today.plusDays(EXPIRY_WARNING_DAYS)).setMaxResults(200)
                .getResultList().stream().map(a -> a.toView(today)).toList();
    }

    @Override
    public byte[] document(long agreementId) throws StaffException {
        ConfidentialityAgreement agreement = em.find(ConfidentialityAgreement.class, agreementId);
        AgreementDocument document = em.find(AgreementDocument.class, agreementId);
        if (agreement == null || document == null) {
            throw new StaffException(Reason.UNKNOWN, "agreement " + agreementId);
        }
        journal.record(JournalEvent.success("AGREEMENT_DOWNLOADED", null, agreement.username() + " #" + agreementId));
        return document.content();
    }

    Optional<StaffMember> find(String username) {
        return em.createNamedQuery(StaffMember.BY_USERNAME, StaffMember.class).setParameter("username", username)
                .getResultList().stream().findFirst();
    }
}
