package fr.gestan.cloud.hosting.internal;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many tenants (contracts not terminated) each server holds, in one grouped query. */
final class Loads {

    private Loads() {
    }

    static Map<Long, Long> of(EntityManager em) {
        Map<Long, Long> loads = new HashMap<>();
        add(loads, em.createNamedQuery(HostingContract.LOADS, Object[].class).getResultList());
        add(loads, em.createNamedQuery(HostingContract.BACKUP_LOADS, Object[].class).getResultList());
        return loads;
    }

    private static void add(Map<Long, Long> loads, List<Object[]> rows) {
        for (Object[] row : rows) {
            loads.merge((Long) row[0], (Long) row[1], Long::sum);
        }
    }
}
