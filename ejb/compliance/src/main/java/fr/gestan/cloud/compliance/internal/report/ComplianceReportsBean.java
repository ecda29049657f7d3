package fr.gestan.cloud.compliance.internal.report;

import fr.gestan.cloud.compliance.internal.ComplianceServiceBase;
import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.ComplianceReport;
import fr.gestan.cloud.compliance.api.ComplianceReports;
import fr.gestan.cloud.compliance.api.StoredReportQuery;
import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.compliance.api.StoredReportView;
import fr.gestan.cloud.compliance.internal.ComplianceFactsReader;
import fr.gestan.cloud.compliance.internal.rules.Rules;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class ComplianceReportsBean extends ComplianceServiceBase implements ComplianceReports {

    @EJB
    ComplianceFactsReader reader;

    @Override
    public long tenantCount() {
        return reader.tenantCount();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public int refresh(int first, int max) {
        Instant now = clock.instant();
        ComplianceFactsReader.Shared shared = reader.shared(LocalDate.now(clock.withZone(Paris.ZONE)));
        List<TenantView> tenants = reader.tenants(first, max);
        Map<String, StoredReport> stored = em.createQuery(
                        "select r from StoredReport r where r.tenantSiren in :sirens", StoredReport.class)
                .setParameter("sirens", tenants.isEmpty() ? List.of("-") : tenants.stream().map(TenantView::siren).toList())
                .getResultList().stream().collect(Collectors.toMap(StoredReport::siren, Function.identity()));
        for (TenantView t : tenants) {
            ComplianceReport report;
            try {
                report = Rules.evaluate(reader.facts(t.siren(), shared));
            } catch (TenantNotFoundException gone) {
                continue; // deleted between the two reads; pruned at the end of the run
            }
            StoredReport row = stored.get(t.siren());
            if (row == null) {
                em.persist(new StoredReport(report, now));
            } else {
                row.replaceWith(report, now);
            }
        }
        if (first == 0) {
            journal.record(JournalEvent.success("COMPLIANCE_REPORT_RUN", null, "from " + first));
        }
        return tenants.size();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    public int prune(Instant before) {
        int pruned = em.createNamedQuery(StoredReport.PRUNE).setParameter("before", before).executeUpdate();
        StoredReport.SUMMARIES.changed(); // a bulk statement: no entity listener sees it
        return pruned;
    }

    @Override
    public List<StoredReportView> page(StoredReportQuery query) {
        String order = switch (query.sort()) {
            case TENANT_NAME -> "r.tenantName";
            case SIREN -> "r.tenantSiren";
            case OUTCOME -> "r.outcomeRank";
            case EVALUATED_AT -> "r.evaluatedAt";
        };
        String dir = query.ascending() ? " asc" : " desc";
        TypedQuery<StoredReport> q = em.createQuery("select r from StoredReport r" + where(query)
                + " order by " + order + dir + ", r.tenantName asc, r.tenantSiren asc", StoredReport.class);
        bind(q, query);
        return q.setFirstResult(query.first()).setMaxResults(query.max()).getResultList().stream().map(StoredReport::toView).toList();
    }

    @Override
    public long count(StoredReportQuery query) {
        TypedQuery<Long> q = em.createQuery("select count(r) from StoredReport r" + where(query), Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    @Override
    public StoredReportSummary summary() {
        return StoredReport.SUMMARIES.get(() -> {
            Object[] row = em.createNamedQuery(StoredReport.SUMMARY, Object[].class).getSingleResult();
            return new StoredReportSummary(number(row[0]), number(row[1]), number(row[2]), number(row[3]), (Instant) row[4]);
        });
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static String where(StoredReportQuery query) {
        StringBuilder where = new StringBuilder();
        if (query.outcome() != null) {
            where.append(" where r.outcome = :outcome");
        }
        if (query.withObligations()) {
            where.append(where.isEmpty() ? " where" : " and").append(" r.hasObligation = true");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> q, StoredReportQuery query) {
        if (query.outcome() != null) {
            q.setParameter("outcome", query.outcome().name());
        }
    }
}
