package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.tenants.api.HostedDataKind;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whether a tenant's personal-data processing is listed in the record: each personal-data kind it hosts is covered. */
public final class ProcessingCoverage {

    private ProcessingCoverage() {
    }

    public static boolean covers(EntityManager em, String siren, Set<HostedDataKind> kinds) {
        if (!personal(kinds)) {
            return true;
        }
        // the one-tenant query, not rows(em, List.of(siren)): a list parameter's query is translated to SQL at every call
        List<Object[]> row = em.createNamedQuery(ProcessingRecordEntry.COVERAGE_OF_TENANT, Object[].class).setParameter("siren", siren)
                .getResultList();
        return covers(row.isEmpty() ? null : row.get(0), kinds);
    }

    /** The coverage of each of these tenants that has entries in the record ({@link #covers(Object[], Set)}), in one query. */
    public static Map<String, Object[]> rows(EntityManager em, List<String> sirens) {
        Map<String, Object[]> rows = new HashMap<>();
        if (!sirens.isEmpty()) {
            for (Object[] row : em.createNamedQuery(ProcessingRecordEntry.COVERAGE, Object[].class).setParameter("sirens", sirens).getResultList()) {
                rows.put((String) row[0], row);
            }
        }
        return rows;
    }

    /** Whether a tenant's coverage row ({@link #rows}; null: no entry) covers each personal-data kind it hosts. */
    public static boolean covers(Object[] row, Set<HostedDataKind> kinds) {
        boolean employees = kinds.contains(HostedDataKind.PERSONAL_DATA_EMPLOYEES);
        boolean customers = kinds.contains(HostedDataKind.PERSONAL_DATA_CUSTOMERS);
        if (!personal(kinds)) {
            return true;
        }
        if (row == null) {
            return false;
        }
        return (!employees || ((Number) row[1]).intValue() == 1) && (!customers || ((Number) row[2]).intValue() == 1);
    }

    private static boolean personal(Set<HostedDataKind> kinds) {
        return kinds.contains(HostedDataKind.PERSONAL_DATA_EMPLOYEES) || kinds.contains(HostedDataKind.PERSONAL_DATA_CUSTOMERS);
    }
}
