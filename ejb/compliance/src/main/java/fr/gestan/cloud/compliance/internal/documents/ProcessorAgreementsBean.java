package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.compliance.internal.ComplianceServiceBase;
import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.AgreementChangedException;
import fr.gestan.cloud.compliance.api.AgreementStatusView;
import fr.gestan.cloud.compliance.api.DocumentNotFoundException;
import fr.gestan.cloud.compliance.api.ProcessorAgreements;
import fr.gestan.cloud.compliance.internal.ComplianceFactsReader;
import fr.gestan.cloud.common.config.PublicAddress;
import fr.gestan.cloud.compliance.api.AgreementChangeNotice;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.SubProcessorChangeView;
import fr.gestan.cloud.hosting.api.SubProcessorChanges;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class ProcessorAgreementsBean extends ComplianceServiceBase implements ProcessorAgreements {

    @EJB
    ComplianceFactsReader reader;
    @EJB
    SubProcessorChanges changes;

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<AgreementStatusView> mine() {
        String siren = tenancy.tenantOfCaller().orElse(null);
        return siren == null ? List.of() : statuses(siren);
    }

    @Override
    public List<AgreementStatusView> of(String siren) {
        return statuses(siren);
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public AgreementStatusView accept(long contractId, String sha256) throws DocumentNotFoundException, AgreementChangedException {
        String siren = tenancy.tenantOfCaller().orElseThrow(() -> refused(null, contractId));
        Current current = current(siren, contractId);
        if (!current.text().sha256().equals(sha256)) {
            throw new AgreementChangedException("The agreement changed since it was read: read the new version");
        }
        Instant now = clock.instant();
        String who = actor();
        byte[] pdf = render(current, List.of("Accepté par / Accepted by " + who + " · " + Shown.dateTime(now)));
        AgreementAcceptance acceptance = new AgreementAcceptance(siren, contractId, sha256, pdf, who, now);
        em.persist(acceptance);
        journal.record(JournalEvent.success("PROCESSOR_AGREEMENT_ACCEPTED", siren, "contract " + contractId + " sha256 " + sha256));
        return view(siren, current.contract(), sha256, acceptance.contentSha256(), who, now, List.of());
    }

    @Override
    @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public byte[] document(@TenantRef(checkedInBody = true) String siren, long contractId) throws DocumentNotFoundException {
        // Refused as "not found", so that a client cannot learn that another company's contract exists.
        if (!tenancy.mayAccess(siren)) {
            throw refused(siren, contractId);
        }
        Current current = current(siren, contractId);
        byte[] pdf = render(current, trailer(siren, contractId, current.text().sha256()));
        journal.record(JournalEvent.success("PROCESSOR_AGREEMENT_DOWNLOADED", siren, "contract " + contractId));
        return pdf;
    }

    /** The current agreement text of one of the tenant's contracts; not found (and journaled) for anyone else's. */
    private Current current(String siren, long contractId) throws DocumentNotFoundException {
        try {
            ComplianceFactsReader.TenantDocuments docs = reader.documents(siren, reader.shared(LocalDate.now(clock.withZone(Paris.ZONE))));
            for (AgreementTexts.Inputs i : docs.agreements()) {
                if (i.contract().id() == contractId) {
                    return new Current(i.contract(), AgreementTexts.of(i));
                }
            }
        } catch (TenantNotFoundException e) {
            // same answer as another tenant's contract
        }
        throw refused(siren, contractId);
    }

    private DocumentNotFoundException refused(String siren, long contractId) {
        journal.recordIndependently(JournalEvent.refused("PROCESSOR_AGREEMENT_ACCESS", siren, "contract " + contractId, "not the caller's contract"));
        return new DocumentNotFoundException("No agreement for contract " + contractId);
    }

    private List<AgreementStatusView> statuses(String siren) {
        ComplianceFactsReader.TenantDocuments docs;
        try {
            docs = reader.documents(siren, reader.shared(LocalDate.now(clock.withZone(Paris.ZONE))));
        } catch (TenantNotFoundException e) {
            return List.of();
        }
        Map<Long, Object[]> latest = latestAcceptances(siren);
        List<SubProcessorChangeView> told = null;
        List<AgreementStatusView> list = new ArrayList<>();
        for (AgreementTexts.Inputs i : docs.agreements()) {
            ContractView c = i.contract();
            Object[] a = latest.get(c.id());
            String currentSha = AgreementTexts.of(i).sha256();
            List<AgreementChangeNotice> notices = List.of();
            if (a != null && !currentSha.equals(a[1])) {
                told = told == null ? changes.toldTo(siren) : told;
                notices = ChangeNoticeLines.outdatedBy(told, (Instant) a[3], today());
            }
            list.add(view(siren, c, currentSha, a == null ? null : (String) a[1],
                    a == null ? null : (String) a[2], a == null ? null : (Instant) a[3], notices));
        }
        return list;
    }

    private Map<Long, Object[]> latestAcceptances(String siren) {
        Map<Long, Object[]> latest = new HashMap<>();
        for (Object[] row : em.createNamedQuery(AgreementAcceptance.META_OF_TENANT, Object[].class).setParameter("siren", siren).getResultList()) {
            latest.putIfAbsent((Long) row[0], row);
        }
        return latest;
    }

    private List<String> trailer(String siren, long contractId, String currentSha) {
        Object[] a = latestAcceptances(siren).get(contractId);
        if (a == null) {
            return trailer(currentSha, null, null, null, List.of());
        }
        List<AgreementChangeNotice> notices = currentSha.equals(a[1]) ? List.of()
                : ChangeNoticeLines.outdatedBy(changes.toldTo(siren), (Instant) a[3], today());
        return trailer(currentSha, (String) a[1], (String) a[2], (Instant) a[3], notices);
    }

    /**
     * The status printed after the agreement (outside the hashed text): accepted, not accepted, or an earlier version
     * accepted, then with the change notices that outdated it and their place in the portal.
     */
    static List<String> trailer(String currentSha, String acceptedSha, String acceptedBy, Instant acceptedAt,
                                List<AgreementChangeNotice> notices) {
        if (acceptedSha == null) {
            return List.of("Non accepté à ce jour / Not accepted yet");
        }
        String when = Shown.dateTime(acceptedAt);
        if (currentSha.equals(acceptedSha)) {
            return List.of("Accepté par / Accepted by " + acceptedBy + " · " + when);
        }
        List<String> lines = new ArrayList<>(List.of("Une version antérieure a été acceptée le " + when + " : cette version doit être acceptée.",
                "An earlier version was accepted on " + when + ": this version must be accepted."));
        lines.addAll(ChangeNoticeLines.lines(notices, PublicAddress.baseUrl()));
        return lines;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Paris.ZONE));
    }

    static byte[] render(Current current, List<String> trailer) {
        String sha = current.text().sha256();
        return DocumentPdf.render(current.text(), List.of(
                        "Version (SHA-256 du texte / of the text) : " + sha,
                        "Contrat d'hébergement / Hosting contract n° " + current.contract().id()),
                trailer, Vendor.PRODUCT + " · DPA " + current.contract().id() + " · " + sha.substring(0, 16));
    }

    private static AgreementStatusView view(String siren, ContractView c, String currentSha, String acceptedSha, String by, Instant at,
                                            List<AgreementChangeNotice> notices) {
        return new AgreementStatusView(siren, c.id(), c.offer(), c.startsOn(), c.endsOn(), currentSha, acceptedSha, by, at, notices);
    }

    /** A contract and its agreement's current text. */
    record Current(ContractView contract, DocumentText text) {
    }
}
