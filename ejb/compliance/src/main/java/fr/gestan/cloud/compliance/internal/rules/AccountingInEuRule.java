package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.Party;
import fr.gestan.cloud.compliance.api.RuleOutcome;
import fr.gestan.cloud.tenants.api.HostedDataKind;

/** Rule R1-ACCOUNTING-EU: Accounting documents are never stored outside the European Union, in production or in backup. */
public final class AccountingInEuRule extends ComplianceRule {

    @Override
    public String id() {
        return "R1-ACCOUNTING-EU";
    }

    /** Ours: the client has nothing to do for it. */
    @Override
    public Party owner() {
        return Party.PROVIDER;
    }

    @Override
    public String legalReference() {
        return "Code de commerce art. L123-22 ; LPF art. L102 B ; CGI art. 286";
    }

    @Override
    public String explanationFr() {
        return "Les documents comptables ne sont jamais stockés hors de l'Union européenne, ni en production ni en sauvegarde.";
    }

    @Override
    public String explanationEn() {
        return "Accounting documents are never stored outside the European Union, in production or in backup.";
    }

    @Override
    protected void evaluate(TenantFacts tenant, Findings findings) {

        if (!tenant.holds(HostedDataKind.ACCOUNTING_DOCUMENTS)) {
            return;
        }
        for (TenantFacts.ContractFacts c : tenant.contracts()) {
            sitesInEu(c, findings, true);
        }
    }
}
