package fr.gestan.cloud.compliance.internal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.HostedDataKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One tenant's coverage is read with a single-valued parameter (docs/performance.md, client19): Hibernate translates a
 * query with a list parameter ({@code in :sirens}) to SQL again at every call, since its SQL depends on the list's
 * size; the client dashboard's compliance tile read one tenant's coverage through the list query at each view (a fifth
 * of the tile's CPU in the profile). A page of tenants (the batch, the daily report) keeps the list query: one statement.
 */
class ProcessingCoverageQueryTest {

    private final List<String> asked = new ArrayList<>();

    private EntityManager em(List<Object[]> rows) {
        TypedQuery<?> query = (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class},
                (p, m, args) -> switch (m.getName()) {
                    case "setParameter" -> {
                        asked.add(args[0] + (args[1] instanceof Collection<?> ? " (a list)" : " (one value)"));
                        yield p;
                    }
                    case "getResultList" -> rows;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (p, m, args) -> {
            if (m.getName().equals("createNamedQuery")) {
                asked.add((String) args[0]);
                return query;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void one_tenant_s_coverage_is_asked_with_one_value_not_a_list() {
        Set<HostedDataKind> both = Set.of(HostedDataKind.PERSONAL_DATA_EMPLOYEES, HostedDataKind.PERSONAL_DATA_CUSTOMERS);
        assertTrue(ProcessingCoverage.covers(em(List.<Object[]>of(new Object[] {"842317653", 1, 1})), "842317653", both));
        assertEquals(List.of(ProcessingRecordEntry.COVERAGE_OF_TENANT, "siren (one value)"), asked);
        asked.clear();
        assertFalse(ProcessingCoverage.covers(em(List.<Object[]>of(new Object[] {"842317653", 1, 0})), "842317653", both), "customers not covered");
        assertFalse(ProcessingCoverage.covers(em(List.of()), "842317653", both), "no entry");
        assertTrue(ProcessingCoverage.covers(em(List.of()), "842317653", Set.of()), "no personal data: nothing to cover");
    }

    @Test
    void a_page_of_tenants_keeps_one_statement_with_the_list() {
        assertEquals(1, ProcessingCoverage.rows(em(List.<Object[]>of(new Object[] {"842317653", 1, 1})), List.of("842317653", "552100554")).size());
        assertEquals(List.of(ProcessingRecordEntry.COVERAGE, "sirens (a list)"), asked);
    }
}
