package fr.gestan.cloud.compliance.internal.trust;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.compliance.api.PublicDocumentView;
import fr.gestan.cloud.compliance.api.TrustStatement;
import fr.gestan.cloud.compliance.api.TrustSummary;
import fr.gestan.cloud.compliance.internal.rules.Countries;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.VerificationRunView;
import java.util.Comparator;
import java.util.Optional;
import fr.gestan.cloud.compliance.internal.documents.DocumentPdf;
import fr.gestan.cloud.compliance.internal.documents.DocumentText;
import fr.gestan.cloud.compliance.internal.documents.Vendor;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.SubProcessors;
import fr.gestan.cloud.security.api.PolicyVersionView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.TransportSecurity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the live figures as an auditor (read-only) for anyone, and writes the statement from them. */
@Stateless
@PermitAll
@RunAs(Roles.AUDITOR)
public class TrustStatementBean implements TrustStatement {

    @EJB
    HostingInventory inventory;
    @EJB
    SecurityPolicies policies;
    @EJB
    RecoveryPlans recovery;
    @EJB
    SubProcessors subProcessors;
    @EJB
    TransportSecurity transport;

    private final Clock clock = Clock.systemUTC();

    @EJB
    JournalIntegrity journal;
    @EJB
    ServerStatus status;

    /** The last statement written on this node and the figures it was written from (all records: compared by value). */
    private record Written(TrustTexts.Inputs inputs, DocumentText text) {
    }

    private static volatile Written last;

    /**
     * The statement from the figures in force, read at each call: the same figures as the last call's give the text
     * written then (a view of /trust wrote it anew, hashed, at each view), other figures a new text at once.
     */
    DocumentText text() {
        PolicyVersionView policy = policies.current();
        LocalDate today = LocalDate.now(clock.withZone(Paris.ZONE));
        List<ServerView> servers = inventory.servers();
        TrustTexts.Inputs inputs = new TrustTexts.Inputs(inventory.operators(), inventory.dataCentres(), servers,
                policy == null ? null : policy.settings(), policy == null ? null : policy.version(), recovery.settings(),
                today, subProcessors.inEffect(today), transport.running(), worstCase());
        Written w = last;
        if (w == null || !w.inputs().equals(inputs)) {
            w = new Written(inputs, TrustTexts.of(inputs));
            last = w;
        }
        return w.text();
    }

    /**
     * The recovery plan of the production server with the most clients to restore (the longest plan among equals): the
     * staff plan's own computation, quoted by /trust and the home page, for all servers in a few statements (it read
     * each production server's plan in turn: about 6 statements a server, 100 servers at scale).
     */
    RecoveryPlanView worstCase() {
        return recovery.worstCase().orElse(null);
    }

    @Override
    public TrustSummary summary() {
        LocalDate today = LocalDate.now(clock.withZone(Paris.ZONE));
        PolicyVersionView version = policies.current();
        PolicySettings p = version == null ? null : version.settings();
        RecoverySettings r = recovery.settings();
        RecoveryPlanView worst = worstCase();
        List<DataCentreView> sites = inventory.dataCentres();
        List<OperatorView> operators = inventory.operators();
        TransportSecurity.RunningTransport t = transport.running();
        Optional<CheckpointView> checkpoint = journal.latestCheckpoint();
        Optional<VerificationRunView> verification = journal.lastVerification().filter(v -> v.endedAt() != null);
        double uptime = status.publicStatus().components().stream().filter(c -> c.role() == ServerRole.PRODUCTION)
                .mapToDouble(ComponentStatusView::uptimePercent).average().orElse(Double.NaN);
        List<TrustSummary.Certification> certifications = sites.stream().sorted(Comparator.comparing(DataCentreView::code))
                .flatMap(dc -> dc.certifications().stream().map(c -> new TrustSummary.Certification(dc.code(), dc.city(), c.name(), c.issuer(),
                        c.expiresOn(), c.expiresOn() != null && !c.expiresOn().isBefore(today)))).toList();
        List<TrustSummary.SubProcessor> subs = subProcessors.inEffect(today).stream().map(s -> new TrustSummary.SubProcessor(
                TrustTexts.nameWithForm(s.name(), s.legalForm()), s.role().name(), s.country(), s.city(), s.servicesFr(), s.servicesEn(),
                s.dataCentres(), s.effectiveFrom())).toList();
        return new TrustSummary(today,
                p == null ? null : p.bruteForceFailureFactor(), p == null ? null : p.bruteForcePermanentLockout(),
                p == null ? null : p.ddosMitigationHours(),
                p == null ? null : p.snapshotBeforeUpdate(), p == null ? null : p.backupEveryHours(), p == null ? null : p.backupRetentionDays(),
                r.newServerMinutes(), r.remountMinutes(), r.perTenantMinutes(),
                worst == null ? null : worst.totalMinutes(), worst == null ? null : worst.tenants().size(), worst == null ? null : worst.serverName(),
                t != null && t.httpsOnlyRunning(), t == null ? 0 : (int) t.hstsDays(),
                sites.stream().map(DataCentreView::countryCode).distinct().sorted().toList(),
                operators.stream().map(o -> TrustTexts.nameWithForm(o.legalName(), o.legalForm())).distinct().sorted().toList(),
                !sites.isEmpty() && sites.stream().allMatch(dc -> Countries.inEu(dc.countryCode())),
                !operators.isEmpty() && operators.stream().allMatch(o -> Countries.inEu(o.headOfficeCountry())),
                checkpoint.map(CheckpointView::seq).orElse(null), checkpoint.map(CheckpointView::createdAt).orElse(null),
                verification.map(VerificationRunView::endedAt).orElse(null), verification.map(VerificationRunView::intact).orElse(null),
                Double.isNaN(uptime) ? null : uptime, certifications, subs);
    }

    @Override
    public PublicDocumentView statement(String language) {
        DocumentText t = text();
        boolean en = "en".equals(language);
        List<PublicDocumentView.Section> sections = new ArrayList<>();
        for (DocumentText.Section s : t.sections()) {
            sections.add(new PublicDocumentView.Section(en ? s.titleEn() : s.titleFr(), en ? s.en() : s.fr()));
        }
        return new PublicDocumentView(en ? t.titleEn() : t.titleFr(), t.sha256(), sections);
    }

    @Override
    public byte[] pdf() {
        DocumentText t = text();
        return DocumentPdf.render(t, List.of("Version (SHA-256) : " + t.sha256(),
                        "Établi à partir des données en vigueur le / Written from the data in force on "
                                + LocalDate.now(clock.withZone(Paris.ZONE))),
                List.of(), Vendor.PRODUCT + " · Sécurité & confidentialité / Security & confidentiality");
    }
}
