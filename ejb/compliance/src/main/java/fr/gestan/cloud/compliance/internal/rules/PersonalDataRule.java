package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;

/** Rule R3-GDPR: Personal data: a signed processor agreement (art. 28) for the contract, the processing listed in the record of processing activities (art. 30), hosting within the European Union. */
public final class PersonalDataRule extends ComplianceRule {

    @Override
    public String id() {
        return "R3-GDPR";
    }

    /** The client acts on this rule's obligations (its to-dos); failures and missing evidence stay ours. */
    @Override
    public Party owner() {
        return Party.CLIENT;
    }

    @Override
    public String legalReference() {
        return "RGPD art. 28, art. 30 et chapitre V";
    }

    @Override
    public String explanationFr() {
        return "Données personnelles : un contrat de sous-traitance (art. 28) signé pour le contrat, le traitement inscrit au registre des activités de traitement (art. 30), un hébergement dans l'Union européenne.";
    }

    @Override
    public String explanationEn() {
        return "Personal data: a signed processor agreement (art. 28) for the contract, the processing listed in the record of processing activities (art. 30), hosting within the European Union.";
    }

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        if (!tenant.holdsPersonalData()) {
            return;
        }
        for (TenantFacts.ContractFacts c : tenant.contracts()) {
            sitesInEu(c, findings, false);
            subProcessors(c, findings);
            if (c.processorAgreementSigned() == null) {
                findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "processor-agreement-unknown", "");
            } else if (!c.processorAgreementSigned() && c.processorAgreementOutdated()) {
                findings.add(c.id(), RuleOutcome.OBLIGATION, "processor-agreement-outdated", "");
            } else if (!c.processorAgreementSigned()) {
                findings.add(c.id(), RuleOutcome.OBLIGATION, "sign-processor-agreement", "");
            } else {
                findings.add(c.id(), RuleOutcome.PASS, "processor-agreement-signed", "");
            }
            if (c.processingRecorded() == null) {
                findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "record-of-processing-unknown", "");
            } else if (!c.processingRecorded()) {
                findings.add(c.id(), RuleOutcome.FAIL, "not-in-record-of-processing", "");
            } else {
                findings.add(c.id(), RuleOutcome.PASS, "in-record-of-processing", "");
            }
        }
    }

    /**
     * The sub-processors the agreement lists are the ones that process the data: each site's operator must be one
     * in effect, and none may be outside the EU (chapter V: no transfer).
     */
    private static void subProcessors(TenantFacts.ContractFacts c, Findings findings) {
        if (c.subProcessors() == null) {
            findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "sub-processors-unknown", "");
            return;
        }
        for (TenantFacts.Site site : c.sites()) {
            if (site.operator() != null && c.subProcessors().stream().noneMatch(s -> s.operator()
                    && s.identity().legalName().equalsIgnoreCase(site.operator().legalName()))) {
                findings.add(c.id(), RuleOutcome.FAIL, "operator-not-a-sub-processor", site.operator().legalName() + " / " + site.label());
            }
        }
        for (TenantFacts.SubProcessor s : c.subProcessors()) {
            String country = s.identity().headOfficeCountry();
            if (country == null) {
                findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "sub-processor-country-unknown", s.identity().legalName());
            } else if (!Countries.inEu(country)) {
                findings.add(c.id(), RuleOutcome.FAIL, "sub-processor-outside-eu", s.identity().legalName() + " (" + country + ")");
            }
        }
    }
}
