package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.tenants.api.HostedDataKind;

/** Rule R2-EINVOICE-STORAGE: E-invoices stored outside France: the storage place must be declared with the annual return, the country must have a mutual-assistance agreement with France, and invoices are kept 6 years (checked against backup retention). */
public final class EInvoiceStorageRule extends ComplianceRule {

    /** Six years (LPF art. L102 B), in days. */
    public static final int RETENTION_DAYS = 6 * 365 + 1;

    @Override
    public String id() {
        return "R2-EINVOICE-STORAGE";
    }

    /** The client acts on this rule's obligations (its to-dos); failures and missing evidence stay ours. */
    @Override
    public Party owner() {
        return Party.CLIENT;
    }

    @Override
    public String legalReference() {
        return "LPF art. L102 B et L102 C ; CGI art. 289 VI";
    }

    @Override
    public String explanationFr() {
        return "Factures électroniques stockées hors de France : le lieu de stockage doit être déclaré avec la déclaration annuelle, le pays doit être lié à la France par une convention d'assistance mutuelle, et les factures sont conservées 6 ans (comparé à la rétention des sauvegardes).";
    }

    @Override
    public String explanationEn() {
        return "E-invoices stored outside France: the storage place must be declared with the annual return, the country must have a mutual-assistance agreement with France, and invoices are kept 6 years (checked against backup retention).";
    }

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        if (!tenant.holds(HostedDataKind.E_INVOICES)) {
            return;
        }
        for (TenantFacts.ContractFacts c : tenant.contracts()) {
            for (TenantFacts.Site site : c.sites()) {
                if (site.country() == null) {
                    findings.add(c.id(), RuleOutcome.EVIDENCE_MISSING, "country-unknown", site.label());
                } else if ("FR".equalsIgnoreCase(site.country())) {
                    findings.add(c.id(), RuleOutcome.PASS, "in-france", site.label());
                } else if (Countries.mutualAssistance(site.country())) {
                    findings.add(c.id(), RuleOutcome.OBLIGATION, "declare-storage-place", site.label());
                } else {
                    findings.add(c.id(), RuleOutcome.FAIL, "no-mutual-assistance", site.label());
                }
            }
        }
        Integer retention = tenant.backupRetentionDays();
        if (retention == null) {
            findings.add(null, RuleOutcome.EVIDENCE_MISSING, "retention-unknown", "");
        } else if (retention < RETENTION_DAYS) {
            findings.add(null, RuleOutcome.OBLIGATION, "keep-invoices-six-years", retention + " < " + RETENTION_DAYS + " d");
        } else {
            findings.add(null, RuleOutcome.PASS, "retention-six-years", retention + " d");
        }
    }
}
