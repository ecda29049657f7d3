package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.hosting.api.AvailabilityView.Figures;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.ServerAvailabilityView;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each server's availability, computed once ({@link Availability}) and kept ({@link ServerAvailability}): the client's
 * dashboard, staff's contract detail and the certificates all read the stored figures. {@link ServerAvailabilityTimer}
 * refreshes them on one node; a read computes the figures of a server that has none yet or whose figures no longer
 * hold (another silence allowance, a new month, an incident changed: marked stale). Internal: the callers check roles.
 */
@Stateless
@LocalBean
@PermitAll
public class ServerAvailabilityStore {

    private static final Logger LOG = Logger.getLogger(ServerAvailabilityStore.class.getName());
    /** Figures older than this are refreshed on read too (the timer refreshes every 10 minutes). */
    static final Duration MAX_AGE = Duration.ofMinutes(Long.getLong("gestan.availability.max-age-minutes", 30));

    @PersistenceContext(unitName = "hosting")
    EntityManager em;
    @EJB
    SecurityPolicies policies;
    @Resource
    SessionContext context;

    /** The figures of these servers (by id), computing the missing and invalid ones; aged ones too when {@code fresh}. */
    public Map<Long, ServerAvailabilityView> of(Collection<Long> serverIds, boolean fresh) {
        Map<Long, ServerAvailabilityView> found = new HashMap<>();
        if (serverIds.isEmpty()) {
            return found;
        }
        Instant now = Instant.now();
        int silence = silenceMinutes();
        Instant monthStart = monthStart(now);
        Map<Long, ServerAvailability> stored = new HashMap<>();
        for (ServerAvailability a : em.createNamedQuery(ServerAvailability.OF, ServerAvailability.class)
                .setParameter("ids", Set.copyOf(serverIds)).getResultList()) {
            stored.put(a.serverId(), a);
        }
        Map<Long, HostingServer> servers = new HashMap<>();
        for (HostingServer s : em.createNamedQuery(HostingServer.BY_IDS, HostingServer.class).setParameter("ids", Set.copyOf(serverIds))
                .getResultList()) {
            servers.put(s.id(), s);
        }
        for (Long id : serverIds) {
            HostingServer server = servers.get(id);
            if (server == null) {
                continue;
            }
            ServerAvailability a = stored.get(id);
            if (a != null && a.valid(silence, monthStart, now, fresh ? MAX_AGE : null)) {
                found.put(id, view(server, a));
            } else {
                found.put(id, refreshed(server));
            }
        }
        return found;
    }

    /** Every server's figures, computing only the missing and invalid ones (the certificates read these). */
    public List<ServerAvailabilityView> all() {
        List<Long> ids = em.createNamedQuery(HostingServer.ALL, HostingServer.class).getResultList().stream().map(HostingServer::id).toList();
        return new ArrayList<>(of(ids, false).values());
    }

    /** Marks the figures of these servers to be computed again (an incident of theirs changed), in the caller's transaction. */
    public void invalidate(Collection<Long> serverIds) {
        if (!serverIds.isEmpty()) {
            em.createNamedQuery(ServerAvailability.MARK_STALE).setParameter("ids", Set.copyOf(serverIds)).executeUpdate();
        }
    }

    /**
     * The timer's round: computes again the figures older than {@code age} (or invalid, or missing), each server in a
     * transaction of its own (the round itself holds none: it may outlast a transaction's timeout).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int refreshOlderThan(Duration age) {
        Instant now = Instant.now();
        int silence = silenceMinutes();
        Instant monthStart = monthStart(now);
        Map<Long, ServerAvailability> stored = new HashMap<>();
        em.createNamedQuery(ServerAvailability.ALL, ServerAvailability.class).getResultList().forEach(a -> stored.put(a.serverId(), a));
        int n = 0;
        ServerAvailabilityStore self = context.getBusinessObject(ServerAvailabilityStore.class);
        for (HostingServer s : em.createNamedQuery(HostingServer.ALL, HostingServer.class).getResultList()) {
            ServerAvailability a = stored.get(s.id());
            if (a == null || !a.valid(silence, monthStart, now, age)) {
                try {
                    self.refresh(s.id());
                    n++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "availability of server " + s.name() + " not refreshed: " + e);
                }
            }
        }
        return n;
    }

    /** Computes one server's figures and stores them, in a transaction of its own (a concurrent refresh may win). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ServerAvailabilityView refresh(long serverId) {
        HostingServer server = em.find(HostingServer.class, serverId);
        Computed c = compute(server);
        ServerAvailability a = em.find(ServerAvailability.class, serverId);
        if (a == null) {
            a = new ServerAvailability(serverId);
            a.store(c.month(), c.year(), c.silenceMinutes(), c.at());
            em.persist(a);
        } else {
            a.store(c.month(), c.year(), c.silenceMinutes(), c.at());
        }
        em.flush();
        return view(server, a);
    }

    private ServerAvailabilityView refreshed(HostingServer server) {
        try {
            return context.getBusinessObject(ServerAvailabilityStore.class).refresh(server.id());
        } catch (RuntimeException concurrent) {
            // another node or request stored them at the same moment: the figures are the same computation
            LOG.log(Level.FINE, "availability of " + server.name() + " stored concurrently", concurrent);
            Computed c = compute(server);
            return new ServerAvailabilityView(server.id(), server.name(), c.month(), c.year(), c.at());
        }
    }

    private record Computed(Figures month, Figures year, int silenceMinutes, Instant at) {
    }

    /**
     * This month (Paris) and the last 12 months, from the server's report times (metrics and agent events), its
     * incidents and its commissioning; the silence allowance is the policy's.
     */
    private Computed compute(HostingServer server) {
        // whole seconds: the stored time reads back equal (the columns keep microseconds at most)
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int silenceMinutes = silenceMinutes();
        Duration silence = Duration.ofMinutes(silenceMinutes);
        Instant yearAgo = now.atZone(Paris.ZONE).minusMonths(12).toInstant();
        List<Instant> reports = reportTimes(server.id(), yearAgo.minus(silence), now);
        // this server's incidents only, in one statement (not every incident of the year with its servers)
        List<StatusBoard.Outage> outages = em.createNamedQuery(Incident.OF_SERVER_SINCE, Object[].class).setParameter("server", server.id())
                .setParameter("since", yearAgo).getResultList().stream()
                .map(i -> new StatusBoard.Outage(Set.of(server.id()), (IncidentImpact) i[0], (Instant) i[1], (Instant) i[2])).toList();
        return new Computed(Availability.of(monthStart(now), now, reports, silence, outages, server.commissionedAt()),
                Availability.of(yearAgo, now, reports, silence, outages, server.commissionedAt()), silenceMinutes, now);
    }

    /** A server's report times in a period, sorted: its measurements and its agent events. */
    private List<Instant> reportTimes(long serverId, Instant from, Instant to) {
        List<Instant> times = new ArrayList<>();
        for (String query : List.of(ServerMetric.TIMES_OF, AgentEventRecord.TIMES_OF)) {
            times.addAll(em.createNamedQuery(query, Instant.class).setParameter("server", serverId).setParameter("from", from)
                    .setParameter("to", to).getResultList());
        }
        times.sort(null);
        return times;
    }

    private int silenceMinutes() {
        return policies.current().settings().silenceMinutes();
    }

    static Instant monthStart(Instant now) {
        return now.atZone(Paris.ZONE).toLocalDate().withDayOfMonth(1).atStartOfDay(Paris.ZONE).toInstant();
    }

    private static ServerAvailabilityView view(HostingServer server, ServerAvailability a) {
        return new ServerAvailabilityView(server.id(), server.name(), a.month(), a.year(), a.computedAt());
    }
}
