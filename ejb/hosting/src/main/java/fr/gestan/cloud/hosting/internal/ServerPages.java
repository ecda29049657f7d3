package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.ServerPage;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of the servers by name with their loads, how many servers there are and the degraded ones, in one statement
 * (the back office's inventory: a count, a page and the alerts were 5 statements, docs/performance.md 4.17). Each
 * server's position by name and the total come from window functions over the servers; the loads count what
 * {@link Loads} counts, for the servers read only.
 */
final class ServerPages {

    // Native: the server's strict JPA compliance refuses a subquery in JPQL's from clause (as for Loads)
    // The loads of the rows read only, each by an index (production, backup): a join with Loads.LOADS grouped every
    // contract of the offer twice at each view: 8 ms of PostgreSQL at 10,000 contracts for 25 servers shown, 2.3 ms now.
    private static final String PAGE = "select s.id, s.name, d.code, d.city, s.role, s.profile, s.capacity,"
            + " " + Loads.OF_SERVER + ","
            + " s.state, p.pos, p.total_rows"
            + " from (select id, row_number() over (order by name) - 1 as pos, count(*) over () as total_rows"
            + " from hosting_server) p"
            + " join hosting_server s on s.id = p.id"
            + " join data_centre d on d.id = s.data_centre_id"
            + " where (p.pos >= ?1 and p.pos < ?2) or s.state = ?3"
            + " order by p.pos";

    private ServerPages() {
    }

    static ServerPage read(EntityManager em, int first, int size) {
        List<ServerView> rows = new ArrayList<>();
        List<ServerView> alerts = new ArrayList<>();
        long total = 0;
        for (Object result : em.createNativeQuery(PAGE).setParameter(1, (long) first).setParameter(2, (long) first + size)
                .setParameter(3, ServerState.DEGRADED_PERFORMANCE.name()).getResultList()) {
            Object[] row = (Object[]) result;
            ServerView server = new ServerView(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                    ServerRole.valueOf((String) row[4]), (String) row[5], ((Number) row[6]).intValue(), ((Number) row[7]).longValue(),
                    ServerState.valueOf((String) row[8]));
            long position = ((Number) row[9]).longValue();
            total = ((Number) row[10]).longValue();
            if (position >= first && position < (long) first + size) {
                rows.add(server);
            }
            if (server.state() == ServerState.DEGRADED_PERFORMANCE) {
                alerts.add(server);
            }
        }
        if (rows.isEmpty() && first > 0 && alerts.isEmpty()) { // past the last page and no row to read the total from
            total = em.createNamedQuery(HostingServer.COUNT, Long.class).getSingleResult();
        }
        return new ServerPage(total, rows, alerts);
    }
}
