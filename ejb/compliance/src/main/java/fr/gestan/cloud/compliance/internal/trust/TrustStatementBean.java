package fr.gestan.cloud.compliance.internal.trust;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.compliance.api.PublicDocumentView;
import fr.gestan.cloud.compliance.api.TrustStatement;
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
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the live figures as an auditor (read-only) for anyone, and writes the statement from them. */
@Stateless
@Local(TrustStatement.class)
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

    DocumentText text() {
        PolicyVersionView policy = policies.current();
        LocalDate today = LocalDate.now(clock.withZone(Paris.ZONE));
        return TrustTexts.of(new TrustTexts.Inputs(inventory.operators(), inventory.dataCentres(), inventory.servers(),
                policy == null ? null : policy.settings(), policy == null ? null : policy.version(), recovery.settings(),
                today, subProcessors.inEffect(today), transport.running()));
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
