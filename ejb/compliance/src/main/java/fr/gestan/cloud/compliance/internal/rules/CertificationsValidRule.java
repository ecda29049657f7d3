package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;

/** Rule R8-CERTIFICATIONS: The data-centre certifications relied upon are valid on the date of evaluation. */
public final class CertificationsValidRule extends ComplianceRule {

    @Override
    public String id() {
        return "R8-CERTIFICATIONS";
    }

    /** Ours: the client has nothing to do for it. */
    @Override
    public Party owner() {
        return Party.PROVIDER;
    }

    @Override
    public String legalReference() {
        return "ANSSI SecNumCloud 3.2 §19.1 ; ISO/IEC 27001:2022 ; HDS (CSP art. L1111-8)";
    }

    @Override
    public String explanationFr() {
        return "Les certifications des centres de données sur lesquelles l'attestation s'appuie sont valides à la date d'évaluation.";
    }

    @Override
    public String explanationEn() {
        return "The data-centre certifications relied upon are valid on the date of evaluation.";
    }

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        for (TenantFacts.ContractFacts c : tenant.contracts()) {
            for (TenantFacts.Site site : c.sites()) {
                if (site.certifications() == null || site.certifications().isEmpty()) {
                    findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "no-certification", site.dataCentre());
                    continue;
                }
                for (TenantFacts.Certification cert : site.certifications()) {
                    String what = site.dataCentre() + " " + cert.name() + " " + cert.expiresOn();
                    findings.add(c.id(), cert.expiresOn().isBefore(tenant.evaluatedOn()) ? RuleOutcome.FAIL : RuleOutcome.PASS,
                            cert.expiresOn().isBefore(tenant.evaluatedOn()) ? "certification-expired" : "certification-valid", what);
                }
            }
        }
    }
}
