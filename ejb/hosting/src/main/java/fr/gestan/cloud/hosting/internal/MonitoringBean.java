package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.hosting.api.MetricSample;
import fr.gestan.cloud.hosting.api.MetricView;
import fr.gestan.cloud.hosting.api.MetricsReceipt;
import fr.gestan.cloud.hosting.api.MetricsRejectedException;
import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.SecurityPolicies;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@ValidatesBusinessInterface
@Stateless
@Local(Monitoring.class)
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class MonitoringBean implements Monitoring {

    @PersistenceContext(unitName = "hosting")
    EntityManager em;

    // current() is @PermitAll: the ingest is anonymous (a server's token, no user).
    @EJB
    SecurityPolicies policies;

    @Override
    @PermitAll
    public MetricsReceipt ingest(long serverId, String token, MetricSample sample) {
        HostingServer server = em.find(HostingServer.class, serverId);
        // Same answer for an unknown server and a wrong token: the API does not reveal which servers exist.
        if (server == null || !server.acceptsMonitoringToken(token)) {
            throw new MetricsRejectedException(401, "invalid-token", "Unknown server or wrong monitoring token.");
        }
        Instant now = Instant.now();
        MetricRules.validate(sample, now);
        List<String> exceeded = apply(em, server, sample, policies.current().settings(), now);
        return new MetricsReceipt(serverId, server.state(), exceeded);
    }

    /**
     * Stores a checked measurement and moves the server's state by the policy's thresholds; shared by this ingest
     * and the agent API's {@code metrics} events.
     */
    static List<String> apply(EntityManager em, HostingServer server, MetricSample sample, PolicySettings policy, Instant now) {
        em.persist(new ServerMetric(server, sample.measuredAt(), sample.cpuPercent().setScale(2, RoundingMode.HALF_UP),
                sample.diskPercent().setScale(2, RoundingMode.HALF_UP), sample.memoryPercent().setScale(2, RoundingMode.HALF_UP), now));
        List<String> exceeded = MetricRules.exceeded(sample, MetricRules.Thresholds.of(policy));
        if (!exceeded.isEmpty()) {
            server.changeState(ServerState.DEGRADED_PERFORMANCE);
        } else if (server.state() == ServerState.DEGRADED_PERFORMANCE) {
            server.changeState(ServerState.OPERATIONAL);
        }
        return exceeded;
    }

    @Override
    public List<MetricView> recent(long serverId, int max) {
        List<MetricView> views = new ArrayList<>(em.createNamedQuery(ServerMetric.LATEST_OF, ServerMetric.class)
                .setParameter("server", serverId).setMaxResults(max).getResultStream().map(ServerMetric::toView).toList());
        java.util.Collections.reverse(views);
        return views;
    }

    @Override
    public List<ServerView> alerts() {
        Map<Long, Long> loads = Loads.of(em);
        return em.createNamedQuery(HostingServer.ALL, HostingServer.class).getResultStream()
                .filter(s -> s.state() == ServerState.DEGRADED_PERFORMANCE)
                .map(s -> s.toView(loads.getOrDefault(s.id(), 0L))).toList();
    }
}
