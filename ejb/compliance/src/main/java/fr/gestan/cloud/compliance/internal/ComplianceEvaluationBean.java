package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.compliance.api.ComplianceEvaluation;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.internal.rules.Rules;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@ValidatesBusinessInterface
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class ComplianceEvaluationBean implements ComplianceEvaluation {

    @EJB
    ComplianceFactsReader reader;
    @EJB
    TenantService tenants;

    private final Clock clock = Clock.systemUTC();

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Paris.ZONE));
    }

    @Override
    public ComplianceReport evaluate(String siren) throws TenantNotFoundException {
        return Rules.evaluate(reader.factsKept(siren, today()));
    }

    @Override
    public List<ComplianceReport> page(int first, int max) {
        ComplianceFactsReader.Shared shared = reader.shared(today());
        List<ComplianceReport> reports = new ArrayList<>();
        for (TenantView t : reader.tenants(first, max)) {
            try {
                reports.add(Rules.evaluate(reader.facts(t.siren(), shared)));
            } catch (TenantNotFoundException gone) {
                // deleted between the two reads: skipped
            }
        }
        return reports;
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public ComplianceReport mine() throws TenantNotFoundException {
        // the caller's own record, by the id of the company the request already knows (one call, a read by primary
        // key), where the caller's SIREN and then a query by SIREN were two calls; live, not the stored daily report
        // (docs/performance.md, "client dashboard: the refresh link, the compliance tile's reads")
        return Rules.evaluate(reader.factsKept(tenants.myCompanyRecord(), today()));
    }
}
