package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.compliance.api.ComplianceReport;
import java.util.List;

/** The catalogue of rules, in their legal order. */
public final class Rules {

    public static final List<ComplianceRule> ALL = List.of(new AccountingInEuRule(), new EInvoiceStorageRule(),
            new PersonalDataRule(), new OperatorSovereigntyRule(), new DistinctSitesRule(), new UpdatesAndBackupsRule(),
            new ConfidentialityRule(), new CertificationsValidRule());

    private Rules() {
    }

    public static ComplianceReport evaluate(TenantFacts tenant) {
        return new ComplianceReport(tenant.siren(), tenant.legalName(), tenant.evaluatedOn(),
                ALL.stream().map(r -> r.evaluate(tenant)).toList());
    }
}
