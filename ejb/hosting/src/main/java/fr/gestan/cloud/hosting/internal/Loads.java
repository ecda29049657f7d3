package fr.gestan.cloud.hosting.internal;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;

/** How many tenants (contracts not terminated) each server holds, as production or as backup, in one grouped query. */
final class Loads {

    // Native: the server's strict JPA compliance refuses a set operation or a subquery in JPQL's from clause.
    /** Columns {@code server_id} and {@code n}, the load. */
    static final String LOADS = "select server_id, count(*) as n from ("
            + " select production_server_id as server_id from hosting_contract where status <> 'TERMINATED'"
            + " union all select backup_server_id from hosting_contract where status <> 'TERMINATED') loads"
            + " group by server_id";

    /** The same load for the one server {@code s.id} of the enclosing query, by two index scans ({@link ServerPages}). */
    static final String OF_SERVER = "(select count(*) from hosting_contract c where c.production_server_id = s.id and c.status <> 'TERMINATED')"
            + " + (select count(*) from hosting_contract c where c.backup_server_id = s.id and c.status <> 'TERMINATED')";

    private Loads() {
    }

    static Map<Long, Long> of(EntityManager em) {
        Map<Long, Long> loads = new HashMap<>();
        for (Object row : em.createNativeQuery(LOADS).getResultList()) {
            Object[] pair = (Object[]) row;
            loads.merge(((Number) pair[0]).longValue(), ((Number) pair[1]).longValue(), Long::sum);
        }
        return loads;
    }
}
