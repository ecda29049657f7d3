package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.tenants.api.HostedDataKind;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;

/** Whether a tenant's personal-data processing is listed in the record: each personal-data kind it hosts is covered. */
public final class ProcessingCoverage {

    private ProcessingCoverage() {
    }

    public static boolean covers(EntityManager em, String siren, Set<HostedDataKind> kinds) {
        boolean employees = kinds.contains(HostedDataKind.PERSONAL_DATA_EMPLOYEES);
        boolean customers = kinds.contains(HostedDataKind.PERSONAL_DATA_CUSTOMERS);
        if (!employees && !customers) {
            return true;
        }
        List<Object[]> rows = em.createNamedQuery(ProcessingRecordEntry.COVERAGE, Object[].class)
                .setParameter("sirens", List.of(siren)).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = rows.get(0);
        return (!employees || ((Number) row[1]).intValue() == 1) && (!customers || ((Number) row[2]).intValue() == 1);
    }
}
